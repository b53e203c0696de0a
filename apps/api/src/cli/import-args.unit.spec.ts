import { describe, expect, it } from '@jest/globals';
import { parseImportArgs } from './import-args';

describe('npm run import arguments', () => {
  it('reads the file, the publication date, the language and --json', () => {
    expect(parseImportArgs(['a.txt', '--published', '2023-11-01', '--language', 'ar', '--json'])).toEqual({
      file: 'a.txt',
      published: '2023-11-01',
      language: 'ar',
      json: true,
    });
  });

  it.each([
    [[], 'the article file is missing'],
    [['a.txt'], '--published must be a date such as 2023-11-01'],
    [['a.txt', '--published', '2023-02-30'], '--published must be a date such as 2023-11-01'],
    [['a.txt', '--published', '2023-11-01', '--language', 'fr'], '--language must be ar or en'],
    [['a.txt', '--published', '2023-11-01', '--table'], 'unknown option --table'],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseImportArgs(argv)).toEqual({ error });
  });
});
