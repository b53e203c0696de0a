import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { findProjectFile } from './project-file';

describe('findProjectFile', () => {
  it.each(['data/cameo.csv', 'node_modules/i18n-iso-countries/langs/ar.json'])(
    'finds %p at the project root',
    (relativePath) => {
      expect(findProjectFile(relativePath)).toBe(join(process.cwd(), relativePath));
    },
  );

  it('names the missing path in its error', () => {
    expect(() => findProjectFile('data/no-such-file.csv')).toThrow(
      /"data\/no-such-file\.csv" not found in .* or any directory above it/,
    );
  });
});
