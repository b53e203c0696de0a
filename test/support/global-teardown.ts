export default async function globalTeardown(): Promise<void> {
  await globalThis.__ANNALS_TEARDOWN__?.();
}
