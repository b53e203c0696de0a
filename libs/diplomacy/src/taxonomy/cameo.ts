import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { findProjectFile } from './project-file';

export type QuadClass = 1 | 2 | 3 | 4;

export type QuadClassLabel = 'verbal cooperation' | 'material cooperation' | 'verbal conflict' | 'material conflict';

export interface PloverCategory {
  event: string;
  mode: string | null;
  context: string | null;
}

export interface CameoCode {
  code: string;
  name: string;
  label: string;
  root: string;
  quadClass: QuadClass;
  quadClassLabel: QuadClassLabel;
  goldstein: number;
  plover: PloverCategory | null;
}

const CAMEO_CSV = 'data/cameo.csv';

const COLUMNS = [
  'code',
  'name',
  'root',
  'quad_class',
  'goldstein',
  'plover_event',
  'plover_mode',
  'plover_context',
] as const;

const QUAD_CLASS_LABELS: Readonly<Record<QuadClass, QuadClassLabel>> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

interface Codebook {
  byCode: ReadonlyMap<string, CameoCode>;
  all: readonly CameoCode[];
}

let codebook: Codebook | undefined;

export function findCameoCode(code: string): CameoCode | undefined {
  return loadCodebook().byCode.get(code);
}

export function isCameoCode(code: string): boolean {
  return loadCodebook().byCode.has(code);
}

export function isCameoRoot(code: string): boolean {
  return code.length === 2 && isCameoCode(code);
}

export function allCameoCodes(): readonly CameoCode[] {
  return loadCodebook().all;
}

// Read on first use, not at import, so importing the domain does not require the data file to be present.
function loadCodebook(): Codebook {
  if (!codebook) codebook = parseCodebook(readFileSync(findProjectFile(CAMEO_CSV), 'utf8'));
  return codebook;
}

function parseCodebook(text: string): Codebook {
  const [header, ...rows] = parse(text, { skip_empty_lines: true });
  if (header?.join(',') !== COLUMNS.join(',')) {
    throw new Error(`${CAMEO_CSV}: expected columns ${COLUMNS.join(',')}, got ${String(header)}`);
  }
  const byCode = new Map<string, CameoCode>();
  for (const row of rows) {
    const entry = parseRow(row);
    if (byCode.has(entry.code)) throw new Error(`${CAMEO_CSV}: duplicate code "${entry.code}"`);
    byCode.set(entry.code, entry);
  }
  return { byCode, all: Object.freeze([...byCode.values()]) };
}

// The codebook is shared by every caller, so each entry is frozen and the file is checked strictly:
// a malformed row must fail loudly rather than mislabel events.
function parseRow(row: string[]): CameoCode {
  const [code = '', name = '', root = '', quad = '', goldstein = '', event = '', mode = '', context = ''] = row;
  const fail = (why: string): never => {
    throw new Error(`${CAMEO_CSV}: code "${code}": ${why}`);
  };
  if (!/^\d{2,4}$/.test(code)) return fail('code must be 2 to 4 digits');
  if (name === '') return fail('name is empty');
  if (!/^\d{2}$/.test(root) || !code.startsWith(root)) return fail(`root "${root}" is not the code's first two digits`);
  const quadClass = Number(quad);
  if (!isQuadClass(quadClass)) return fail(`quad_class "${quad}" is not 1 to 4`);
  const score = Number(goldstein);
  if (goldstein === '' || !(Math.abs(score) <= 10)) return fail(`goldstein "${goldstein}" is not within -10..10`);
  if (event === '' && (mode !== '' || context !== '')) return fail('PLOVER mode or context without an event');

  return Object.freeze({
    code,
    name,
    label: displayLabel(name),
    root,
    quadClass,
    quadClassLabel: QUAD_CLASS_LABELS[quadClass],
    goldstein: score,
    plover:
      event === ''
        ? null
        : Object.freeze({
            event,
            mode: mode || null,
            context: context || null,
          }),
  });
}

function isQuadClass(value: number): value is QuadClass {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

// Root names are in capitals in the codebook; the others are already sentence case and may hold
// acronyms ("Threaten attack with WMD"), so only all-capital names are rewritten.
function displayLabel(name: string): string {
  if (name !== name.toUpperCase()) return name;
  const lower = name.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
