import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../libs/temporal/src/index';
import { parseTimeMl } from './tml';
const root = process.argv[2] ?? '';
const want = new RegExp(process.argv[3] ?? '^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$');
for (const sub of ['TimeBank', 'AQUAINT']) for (const f of readdirSync(join(root, sub))) {
  const doc = parseTimeMl(f, readFileSync(join(root, sub, f), 'utf8'));
  const ms = extract(doc.text, doc.dct, 'en').mentions;
  for (const g of doc.timexes.filter((t) => t.type === 'DATE' && want.test(t.text))) {
    const m = ms.find((x) => x.start < g.end && g.start < x.end);
    if (m && m.resolution.timex !== g.value) console.log(`${doc.dct} gold ${g.value} got ${m.resolution.timex} cue=${m.cue} | ${doc.text.slice(Math.max(0, g.start - 90), g.end + 50).replace(/\s+/g, ' ')}`);
  }
}
