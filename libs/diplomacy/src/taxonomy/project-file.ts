import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Walks up from the working directory rather than using __dirname or import.meta: this code runs both as
// CommonJS (tsc build) and as ESM (Jest), and each of those exists in only one of the two.
export function findProjectFile(relativePath: string): string {
  const start = process.cwd();
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Project file "${relativePath}" not found in ${start} or any directory above it`);
}
