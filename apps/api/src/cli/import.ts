import { readFileSync } from 'node:fs';
import { propose, type Proposal } from '@libs/proposals';
import { IMPORT_USAGE, parseImportArgs } from './import-args';

/**
 * `npm run import -- article.txt --published 2023-11-01 [--language ar] [--json]`: the proposals of one
 * article, for batch work. Needs no database: proposals are a pure function of the text and the date.
 */
function main(): void {
  const args = parseImportArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${IMPORT_USAGE}`);
    process.exit(2);
  }
  const text = readFileSync(args.file, 'utf8');
  const result = propose({ text, publishedAt: args.published, language: args.language });
  if (args.json || !process.stdout.isTTY) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`${result.proposals.length} proposals (${result.extractorVersion}, ${result.language})`);
  for (const [i, p] of result.proposals.entries()) console.log(row(i + 1, p));
}

function row(n: number, p: Proposal): string {
  const dates = p.date.start === p.date.end ? p.date.start : `${p.date.start}…${p.date.end}`;
  const actors = p.actors.map((a) => `${a.name} (${a.country ?? '?'}, ${a.role})`).join('; ') || '—';
  const quote = p.quote.text.length > 100 ? `${p.quote.text.slice(0, 99)}…` : p.quote.text;
  return [
    `${String(n).padStart(3)}. ${dates.padEnd(23)} ${p.status.padEnd(9)} CAMEO ${p.type.code.padEnd(4)} ${p.confidence.toFixed(2)}`,
    `     actors: ${actors}`,
    `     "${quote}" [${p.quote.start}-${p.quote.end}]`,
  ].join('\n');
}

main();
