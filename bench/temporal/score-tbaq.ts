import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Mention, extract } from '../../libs/temporal/src/index';
import { type TimeMlDocument, type TimeMlTimex, parseTimeMl } from './tml';

/**
 * Scores `extract` on the DATE timexes of a TimeML folder (TempEval-3 TBAQ-cleaned):
 *   node dist-bench/bench/temporal/score-tbaq.js <folder> [--dump <file>]
 * Relaxed span: a mention matches a gold DATE it overlaps. Value: a match whose timex equals the gold value.
 * Mentions that overlap only a gold TIME, DURATION or SET are left out of the count (neither right nor
 * wrong), since only DATEs are scored. The data is read from the folder given and never copied.
 * `--dump <file>` writes one JSON line per scored outcome (hit, wrong value, missed, spurious) with its
 * document, creation time and sentence, to study error families outside the repository.
 */
interface Tally {
  gold: number;
  system: number;
  spanHits: number;
  valueHits: number;
  ms: number;
  cpuMs: number;
  characters: number;
  found: number;
  errors: Map<string, { count: number; example: string }>;
  outcomes: Outcome[];
}

interface Outcome {
  readonly kind: 'hit' | 'value' | 'missed' | 'spurious';
  readonly doc: string;
  readonly dct: string;
  readonly gold?: { readonly text: string; readonly value: string };
  readonly got?: {
    readonly text: string;
    readonly value: string;
    readonly direction: string;
    readonly cue: string | null;
    readonly others?: readonly string[];
  };
  readonly context: string;
}

function tmlFiles(folder: string): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.tml') && !seen.has(name)) {
        seen.add(name);
        files.push(path);
      }
    }
  };
  visit(folder);
  return files;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** An error kind: the expression's shape (digits as 9, lower case) and what went wrong. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d/g, '9').replace(/\s+/g, ' ').trim();
}

function note(tally: Tally, kind: string, example: string): void {
  const entry = tally.errors.get(kind) ?? { count: 0, example };
  entry.count++;
  tally.errors.set(kind, entry);
}

function scoreDocument(doc: TimeMlDocument, tally: Tally): void {
  const gold = doc.timexes.filter((t) => t.type === 'DATE');
  const others = doc.timexes.filter((t) => t.type !== 'DATE');
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const all = extract(doc.text, doc.dct, 'en').mentions;
  const usage = process.cpuUsage(cpu);
  tally.ms += performance.now() - started;
  tally.cpuMs += (usage.user + usage.system) / 1000;
  tally.characters += doc.text.length;
  tally.found += all.length;
  const mentions = all.filter((m) => gold.some((g) => overlaps(g, m)) || !others.some((o) => overlaps(o, m)));
  tally.gold += gold.length;
  tally.system += mentions.length;
  const record = (kind: Outcome['kind'], at: Span, g?: TimeMlTimex, m?: Mention): void => {
    const got = m && {
      text: m.text,
      value: m.resolution.timex,
      direction: m.resolution.direction,
      cue: m.cue,
      others: m.alternatives?.map((a) => a.timex),
    };
    const context = sentenceAround(doc.text, at);
    tally.outcomes.push({ kind, doc: doc.id, dct: doc.dct, gold: g && { text: g.text, value: g.value }, got, context });
  };
  const used = new Set<number>();
  for (const g of gold) {
    const index = mentions.findIndex((m, i) => !used.has(i) && overlaps(g, m));
    const mention = mentions[index];
    if (!mention) {
      note(tally, `missed "${shape(g.text)}"`, `${doc.id}: ${g.text} = ${g.value}`);
      record('missed', g, g);
      continue;
    }
    used.add(index);
    tally.spanHits++;
    if (mention.resolution.timex === g.value) {
      tally.valueHits++;
      record('hit', g, g, mention);
      continue;
    }
    note(
      tally,
      valueError(g, mention.resolution.timex),
      `${doc.id} (${doc.dct}): ${g.text} = ${g.value}, got ${mention.text} = ${mention.resolution.timex}`,
    );
    record('value', g, g, mention);
  }
  mentions.forEach((m, i) => {
    if (used.has(i)) return;
    note(tally, `spurious "${shape(m.text)}"`, `${doc.id}: ${m.text} = ${m.resolution.timex}`);
    record('spurious', m, undefined, m);
  });
}

type Span = { readonly start: number; readonly end: number };

/** The text around a span, up to the sentence ends on either side (at most 160 characters each way). */
function sentenceAround(text: string, { start, end }: Span): string {
  const before = text.slice(Math.max(0, start - 160), start);
  const after = text.slice(end, end + 160);
  const from = before.search(/[.!?\n][^.!?\n]*$/);
  const to = after.search(/[.!?\n]/);
  const head = from < 0 ? before : before.slice(from + 1);
  const tail = to < 0 ? after : after.slice(0, to + 1);
  return `${head}[${text.slice(start, end)}]${tail}`.replace(/\s+/g, ' ').trim();
}

function valueError(gold: TimeMlTimex, got: string): string {
  const valueShape = (value: string): string => value.replace(/\d/g, '9');
  return `value "${shape(gold.text)}": ${valueShape(gold.value)} vs ${valueShape(got)}`;
}

function f1(hits: number, system: number, gold: number): { p: number; r: number; f: number } {
  const p = system === 0 ? 0 : hits / system;
  const r = gold === 0 ? 0 : hits / gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function main(): void {
  const [folder, flag, dumpFile] = process.argv.slice(2);
  if (!folder || (flag !== undefined && (flag !== '--dump' || !dumpFile)))
    throw new Error('usage: score-tbaq <folder of .tml files> [--dump <file>]');
  const tally: Tally = {
    gold: 0,
    system: 0,
    spanHits: 0,
    valueHits: 0,
    ms: 0,
    cpuMs: 0,
    characters: 0,
    found: 0,
    errors: new Map(),
    outcomes: [],
  };
  const files = tmlFiles(folder);
  for (const file of files) scoreDocument(parseTimeMl(basename(file, '.tml'), readFileSync(file, 'utf8')), tally);
  const span = f1(tally.spanHits, tally.system, tally.gold);
  const value = f1(tally.valueHits, tally.system, tally.gold);
  const fmt = (x: number): string => x.toFixed(3);
  console.log(`${files.length} documents, ${tally.gold} gold DATE timexes, ${tally.system} mentions scored`);
  const perSecond = Math.round((tally.found / tally.cpuMs) * 1000);
  const per20k = (tally.cpuMs / tally.characters) * 20_000;
  console.log(
    `extract: ${tally.characters} characters, ${tally.found} mentions in ${tally.ms.toFixed(0)} ms ` +
      `(CPU ${tally.cpuMs.toFixed(0)} ms: ${perSecond} mentions/s, ${per20k.toFixed(1)} ms per 20,000 characters)`,
  );
  console.log(`relaxed span  P ${fmt(span.p)}  R ${fmt(span.r)}  F1 ${fmt(span.f)}`);
  console.log(`value         P ${fmt(value.p)}  R ${fmt(value.r)}  F1 ${fmt(value.f)}`);
  const byKind = (prefix: string): number =>
    [...tally.errors].filter(([kind]) => kind.startsWith(prefix)).reduce((sum, [, e]) => sum + e.count, 0);
  console.log(`missed ${byKind('missed')}, spurious ${byKind('spurious')}, wrong value ${byKind('value')}`);
  const top = Number(process.env.TOP ?? 10);
  console.log(`\nthe ${top} most frequent error kinds:`);
  [...tally.errors.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, top)
    .forEach(([kind, { count, example }]) => console.log(`${String(count).padStart(4)}  ${kind}   e.g. ${example}`));
  if (dumpFile) writeFileSync(dumpFile, tally.outcomes.map((o) => JSON.stringify(o)).join('\n') + '\n');
}

main();
