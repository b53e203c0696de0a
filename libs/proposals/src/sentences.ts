/** A sentence (or a heading, or a line) of the article with its offsets; `paragraph` counts lines. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

const OPENING = new Set(['“', '«', '"']);
const CLOSING = new Set(['”', '»']);
const STOPS = new Set(['.', '!', '?', '؟']);
const ABBREVIATIONS =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sen|Rep|Gov|No|U\.S|U\.N|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;

/**
 * Splits at a full stop, question or exclamation mark followed by a space (and, in Latin script, a capital),
 * and at line ends; never inside a quotation, where a speaker's several sentences stay one statement.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0)
      sentences.push({ text: body, start: start + lead, end: start + lead + body.length, paragraph });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      paragraph += 1;
      start = i + 1;
      depth = 0;
      continue;
    }
    if (OPENING.has(ch) && !(ch === '"' && depth > 0)) depth += 1;
    else if (CLOSING.has(ch) || (ch === '"' && depth > 0)) depth = Math.max(0, depth - 1);
    if (depth === 0 && STOPS.has(ch) && endsSentence(text, i)) {
      let end = i + 1;
      while (CLOSING.has(text[end] ?? '')) end += 1;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return sentences;
}

const NEXT_VISIBLE = /\S/g;

function endsSentence(text: string, i: number): boolean {
  if (i + 1 < text.length && !/[\s”»]/.test(text[i + 1])) return false;
  NEXT_VISIBLE.lastIndex = i + 1;
  const next = NEXT_VISIBLE.exec(text);
  if (next && /[a-z0-9]/.test(next[0])) return false;
  return text[i] !== '.' || !ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i));
}
