import { parseArgs } from 'node:util';
import { isRole, ROLES, type Role } from '../credentials/roles';
import { CREDENTIAL_NAME, CREDENTIAL_NAME_RULE } from '../credentials/credential.request.dto';

export type CredentialsCommand =
  { command: 'create'; name: string; role: Role } | { command: 'list' } | { command: 'revoke'; id: string };

export const USAGE = `usage: npm run credentials -- create --name <name> --role <${ROLES.join('|')}>
       npm run credentials -- list
       npm run credentials -- revoke <credential id>`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The command line as a command, or an error naming what is wrong with it. */
export function parseCredentialsArgs(argv: string[]): CredentialsCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, role: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'create': {
      if (values.name === undefined || !CREDENTIAL_NAME.test(values.name))
        throw new Error(`--name ${CREDENTIAL_NAME_RULE}`);
      if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      return { command, name: values.name, role: values.role };
    }
    case 'list':
      return { command };
    case 'revoke': {
      const [id] = rest;
      if (!id || !UUID.test(id)) throw new Error('revoke needs a credential id (a uuid, as list shows it)');
      return { command, id: id.toLowerCase() };
    }
    default:
      throw new Error(command ? `unknown command "${command}"` : 'no command given');
  }
}
