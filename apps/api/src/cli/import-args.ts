import { isCalendarDate } from '@libs/temporal';

export interface ImportArgs {
  file: string;
  published: string;
  language?: 'ar' | 'en';
  json: boolean;
}

export const IMPORT_USAGE = 'usage: npm run import -- <article.txt> --published YYYY-MM-DD [--language ar|en] [--json]';

/** Parses the command line; a message naming the bad argument, never a stack trace. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | { error: string } {
  let file: string | undefined;
  let published: string | undefined;
  let language: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--published') published = argv[++i];
    else if (arg === '--language') language = argv[++i];
    else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { error: `one article at a time (got ${file} and ${arg})` };
  }
  if (!file) return { error: 'the article file is missing' };
  if (!published || !isCalendarDate(published)) return { error: '--published must be a date such as 2023-11-01' };
  if (language !== undefined && language !== 'ar' && language !== 'en') return { error: '--language must be ar or en' };
  return { file, published, language, json };
}
