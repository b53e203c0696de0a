import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminGuard, RequiresRole } from '../http/admin.guard';
import { Authenticator, principalOf } from '../http/authenticator';
import { UUID_PARAM } from '../http/uuid.pipe';
import { ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import {
  CreatedCredentialSchema,
  CredentialListSchema,
  CredentialSchema,
  WhoAmISchema,
} from '../openapi/credentials.schema';
import { CreateCredentialRequestDto } from './credential.request.dto';

@ApiTags('Credentials')
@ApiBearerAuth('admin')
@ApiErrors({ 401: true, 403: true, 429: true })
@Controller('api/admin')
@UseGuards(AdminGuard)
export class CredentialsController {
  private readonly logger = new Logger('Credentials');

  constructor(@Inject(Authenticator) private readonly authenticator: Authenticator) {}

  @Get('whoami')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'The credential this token acts as (any role): how the page shows who is signed in' })
  @ApiOkResponse({ type: WhoAmISchema })
  whoami(@Req() request: FastifyRequest) {
    return principalOf(request);
  }

  @Post('credentials')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Create a named credential; its token is in this answer only' })
  @ApiCreatedResponse({ type: CreatedCredentialSchema })
  @ApiErrors({
    400: 'Invalid name or role; `fields` names each problem',
    409: 'A live credential already has this name (code CREDENTIAL.NAME_TAKEN)',
  })
  async create(@Body() body: CreateCredentialRequestDto, @Req() request: FastifyRequest) {
    const by = principalOf(request);
    const created = await this.authenticator.credentials.create(body.name, body.role, by.credentialName);
    this.logger.log(`credential ${created.id} "${created.name}" (${created.role}) created by ${by.credentialName}`);
    return created;
  }

  @Get('credentials')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Every credential, live and revoked, oldest first (never a token)' })
  @ApiOkResponse({ type: CredentialListSchema })
  async list() {
    return { items: await this.authenticator.credentials.list() };
  }

  @Post('credentials/:id/revocation')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Revoke a credential: every API process refuses its token from the next request on' })
  @ApiUuidParam('id', 'The credential id')
  @ApiOkResponse({ type: CredentialSchema })
  @ApiErrors({ 400: 'id is not a uuid', 404: 'No credential with this id (code CREDENTIAL.NOT_FOUND)' })
  async revoke(@Param('id', UUID_PARAM) id: string, @Req() request: FastifyRequest) {
    const revoked = await this.authenticator.credentials.revoke(id);
    this.logger.log(`credential ${id} "${revoked.name}" revoked by ${principalOf(request).credentialName}`);
    return revoked;
  }
}
