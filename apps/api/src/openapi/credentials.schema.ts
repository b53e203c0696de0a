import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ROLES } from '../credentials/roles';

@ApiSchema({ name: 'Credential', description: 'A named API credential; its token is never shown again.' })
export class CredentialSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Aigerim (desk editor)' })
  name!: string;

  @ApiProperty({ enum: [...ROLES], enumName: 'Role' })
  role!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'The credential (name) that created it, or "cli"', example: 'ADMIN_TOKEN' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while the credential is live' })
  revokedAt!: string | null;
}

@ApiSchema({ name: 'CreatedCredential', description: 'A new credential with its token: store the token now.' })
export class CreatedCredentialSchema extends CredentialSchema {
  @ApiProperty({
    description: 'Send as Authorization: Bearer <token>. Shown only in this answer; only its hash is kept.',
    example: 'ann_0f8c3d1e9a7b4c2d8e6f0a1b2c3d4e5f_…',
  })
  token!: string;
}

@ApiSchema({ name: 'CredentialList' })
export class CredentialListSchema {
  @ApiProperty({ type: () => [CredentialSchema] })
  items!: CredentialSchema[];
}

@ApiSchema({ name: 'WhoAmI', description: 'The credential a token acts as.' })
export class WhoAmISchema {
  @ApiProperty({ description: 'The credential id ("admin-token" for the bootstrap ADMIN_TOKEN)' })
  credentialId!: string;

  @ApiProperty({ example: 'Aigerim (desk editor)' })
  credentialName!: string;

  @ApiProperty({ enum: [...ROLES], enumName: 'Role' })
  role!: string;
}

@ApiSchema({ name: 'RecordedBy', description: 'The credential that wrote a stored event (never its token).' })
export class RecordedBySchema {
  @ApiPropertyOptional({ description: 'The credential id; absent for system writers such as the seed' })
  credentialId?: string;

  @ApiProperty({
    description: 'The credential name, or the system actor (e.g. "seed")',
    example: 'Aigerim (desk editor)',
  })
  name!: string;
}
