/** A TimeML document reduced to its plain text, creation time and TIMEX3 annotations (offsets into the text). */
export interface TimeMlTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
  readonly text: string;
}

export interface TimeMlDocument {
  readonly id: string;
  readonly dct: string;
  readonly text: string;
  readonly timexes: readonly TimeMlTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

/** Parses the TempEval-3 flavour of TimeML: a DCT TIMEX3, then <TEXT> with inline EVENT/TIMEX3/SIGNAL tags. */
export function parseTimeMl(id: string, xml: string): TimeMlDocument {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attribute(dctTag, 'value').slice(0, 10);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: TimeMlTimex[] = [];
  let open: { start: number; type: string; value: string } | undefined;
  for (const part of body.split(/(<[^>]+>)/)) {
    if (part.startsWith('<TIMEX3')) {
      open = { start: text.length, type: attribute(part, 'type'), value: attribute(part, 'value') };
    } else if (part.startsWith('</TIMEX3') && open) {
      timexes.push({ ...open, end: text.length, text: text.slice(open.start) });
      open = undefined;
    } else if (!part.startsWith('<')) {
      text += decode(part);
    }
  }
  return { id, dct, text, timexes };
}
