import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Parent → child: the phase's input, then (for servers) a request to stop. */
type ToChild<I> = { kind: 'input'; input: I } | { kind: 'stop' };
/** Child → parent: a server's address once listening, a phase's result, or why it failed. */
type FromChild<O> = { kind: 'ready' | 'result'; value: O } | { kind: 'error'; message: string };

const STOP_GRACE_MS = 10_000;

/*
 * Measured work runs in child processes: a rebuild's peak RSS is then its own (not the loader's leftover heap),
 * and an HTTP server does not share an event loop with autocannon. Children inherit `-r register-aliases`.
 */
function forkChild<I>(script: string, input: I): ChildProcess {
  // BENCH_CPU_PROFILE=<dir>: each child writes a V8 CPU profile there when it exits (where the API's time goes).
  const profile = process.env.BENCH_CPU_PROFILE;
  const execArgv = [
    ...process.execArgv,
    ...(script === 'api.child.js' ? apiNodeFlags() : []),
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
  ];
  const child = fork(resolve(__dirname, '..', script), [], { stdio: ['ignore', 2, 2, 'ipc'], execArgv });
  const message: ToChild<I> = { kind: 'input', input };
  child.send(message);
  return child;
}

function firstReply<O>(child: ChildProcess, script: string): Promise<O> {
  return new Promise<O>((resolveReply, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${script} exited (${code}) before replying`));
    child.once('exit', onExit);
    child.once('message', (raw: unknown) => {
      child.off('exit', onExit);
      const message = raw as FromChild<O>; // our own child, same build: the shape is the protocol above
      if (message.kind === 'error') reject(new Error(`${script}: ${message.message}`));
      else resolveReply(message.value);
    });
  });
}

/** The Node flags `npm start` gives the API (package.json's "start" script): the API child runs as production does. */
function apiNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const flags = /\bnode((?: --[^\s]+)*) dist\/apps\/api\/src\/main\.js/.exec(pkg.scripts.start);
  if (!flags)
    throw new Error(`package.json's start script does not run dist/apps/api/src/main.js: ${pkg.scripts.start}`);
  return flags[1].trim().split(/\s+/).filter(Boolean);
}

/** Runs a one-shot phase in a child process and returns its result. */
export async function runChild<I, O>(script: string, input: I): Promise<O> {
  const child = forkChild(script, input);
  try {
    return await firstReply<O>(child, script);
  } finally {
    if (child.exitCode === null) await stopChild(child);
  }
}

export interface ChildServer<O> {
  info: O;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts a server in a child process; resolves once it listens. */
export async function startChildServer<I, O>(script: string, input: I): Promise<ChildServer<O>> {
  const child = forkChild(script, input);
  try {
    const info = await firstReply<O>(child, script);
    return { info, pid: child.pid, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // The child may be disconnecting on its own: a failed send (EPIPE) is fine, the exit wait below still holds.
  if (child.connected) child.send({ kind: 'stop' } satisfies ToChild<never>, () => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Child side: runs `work` on the parent's input, replies once, exits. */
export function serveOnce<I, O>(work: (input: I) => Promise<O>): void {
  onInput<I>(async (input) => {
    reply<O>({ kind: 'result', value: await work(input) });
    process.disconnect?.();
  });
}

/** Child side: starts a server, replies with its address, closes it when the parent says stop. */
export function serveUntilStopped<I, O>(start: (input: I) => Promise<{ info: O; close(): Promise<void> }>): void {
  onInput<I>(async (input) => {
    const server = await start(input);
    process.on('message', (raw: unknown) => {
      if ((raw as ToChild<I>).kind !== 'stop') return;
      void server.close().finally(() => process.disconnect?.());
    });
    reply<O>({ kind: 'ready', value: server.info });
  });
}

function onInput<I>(handle: (input: I) => Promise<void>): void {
  process.once('message', (raw: unknown) => {
    const message = raw as ToChild<I>;
    if (message.kind !== 'input') return;
    handle(message.input).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      reply<never>({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
      process.disconnect?.();
    });
  });
}

function reply<O>(message: FromChild<O>): void {
  process.send?.(message);
}
