import { Pool } from 'pg';
import { prepareRuntime } from '@libs/platform';
import { CredentialStore } from '../credentials/credential-store';
import { parseCredentialsArgs, USAGE, type CredentialsCommand } from './credentials-args';

/** `npm run credentials -- create|list|revoke`: manage named API credentials on DATABASE_URL (or the embedded one). */
async function main(): Promise<void> {
  let command: CredentialsCommand;
  try {
    command = parseCredentialsArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  // Progress goes to stderr: stdout carries only the answer (the token, for a script to capture).
  const runtime = await prepareRuntime((m) => console.error(m));
  const pool = new Pool({ connectionString: runtime.databaseUrl, max: 1 });
  try {
    const store = new CredentialStore(pool);
    if (command.command === 'create') {
      const { token, ...credential } = await store.create(command.name, command.role, 'cli');
      console.error(`created ${credential.role} "${credential.name}" (${credential.id}); the token is shown once:`);
      console.log(token);
    } else if (command.command === 'revoke') {
      console.log(JSON.stringify(await store.revoke(command.id)));
    } else {
      for (const credential of await store.list()) console.log(JSON.stringify(credential));
    }
  } finally {
    await pool.end();
    await runtime.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
