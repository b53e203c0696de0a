import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../libs/temporal/src/index';
import { parseTimeMl } from './tml';
const root = process.argv[2] ?? '';
const want = new RegExp(process.argv[3] ?? '^now$', 'i');
for (const sub of ['TimeBank', 'AQUAINT'])
  for (const f of readdirSync(join(root, sub))) {
    const doc = parseTimeMl(f, readFileSync(join(root, sub, f), 'utf8'));
    for (const m of extract(doc.text, doc.dct, 'en').mentions.filter((x) => want.test(x.text))) {
      const g = doc.timexes.find((t) => t.start < m.end && m.start < t.end);
      console.log(
        `${g ? (g.type === 'DATE' ? 'GOLD ' + g.value : 'OTHER ' + g.type) : 'SPUR'} | ${doc.text.slice(Math.max(0, m.start - 60), m.end + 30).replace(/\s+/g, ' ')}`,
      );
    }
  }
