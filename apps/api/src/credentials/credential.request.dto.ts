import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from './roles';

/** Shown in every event's history: printable, without line breaks, 1–100 characters. */
export const CREDENTIAL_NAME = /^[^\p{Cc}\s](?:[^\p{Cc}]{0,98}[^\p{Cc}\s])?$/u;
export const CREDENTIAL_NAME_RULE = 'must be 1 to 100 characters without control characters or edge spaces';

export class CreateCredentialRequestDto {
  @ApiProperty({
    maxLength: 100,
    description: 'Who uses it: shown as the author of every version it writes',
    example: 'Aigerim (desk editor)',
  })
  @IsString({ message: 'name must be a string' })
  @MaxLength(100, { message: `name ${CREDENTIAL_NAME_RULE}` })
  @Matches(CREDENTIAL_NAME, { message: `name ${CREDENTIAL_NAME_RULE}` })
  name!: string;

  @ApiProperty({ enum: [...ROLES], enumName: 'Role', example: 'editor' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
