import Module from 'node:module';
import { join, resolve } from 'node:path';

/**
 * Preloaded with `node -r`: tsc keeps the `@libs/<name>` imports of the libs and apps as written, and plain
 * Node cannot resolve them. `nest build` rewrites them at compile time; the bench compiles with tsc alone, so it
 * points them at the compiled lib entry points under dist-bench instead. Forked children inherit `-r`.
 */
interface ModuleResolver {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

const LIBS = ['event-store', 'temporal', 'diplomacy', 'projections', 'platform', 'proposals'];
const distRoot = resolve(__dirname, '..', '..');
const resolver = Module as unknown as ModuleResolver;
const original = resolver._resolveFilename.bind(resolver);

resolver._resolveFilename = (request: string, ...rest: unknown[]) => {
  const lib = request.startsWith('@libs/') ? request.slice('@libs/'.length) : undefined;
  if (lib !== undefined && LIBS.includes(lib)) return original(join(distRoot, 'libs', lib, 'src', 'index.js'), ...rest);
  return original(request, ...rest);
};
