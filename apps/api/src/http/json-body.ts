import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './error-body';

/** Far deeper than any request of this API (an event is 4 levels deep); deep enough to refuse stack-overflow bait. */
export const MAX_JSON_DEPTH = 32;
/**
 * Values (and keys) in one body. An event with 50 actors has a few hundred; validation walks every value, so a
 * 1 MiB body of tiny objects would otherwise cost the server a CPU-second to refuse.
 */
export const MAX_JSON_VALUES = 10_000;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser, stricter than the default in the three ways that otherwise end in a 500 or in silently
 * altered text: bytes that are not UTF-8 (the default decoder stores them as U+FFFD), nesting deeper than
 * MAX_JSON_DEPTH (checked on the raw text, before anything recurses into it), and lone UTF-16 surrogates
 * ("\ud800", which PostgreSQL refuses). Prototype poisoning is refused as Fastify does by default.
 */
export function strictJsonParser(fastify: FastifyInstance) {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      return done(refuse('body', 'is not valid UTF-8'));
    }
    const { depth, values } = measureJson(text);
    if (depth > MAX_JSON_DEPTH) {
      return done(refuse('body', `nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`));
    }
    if (values > MAX_JSON_VALUES) {
      return done(refuse('body', `holds about ${values} values; at most ${MAX_JSON_VALUES} are accepted`));
    }
    parseJson(request, text, (error: Error | null, parsed?: unknown) => {
      if (error) return done(error);
      const bad = malformedStringPath(parsed, '');
      if (bad !== undefined) {
        return done(refuse(bad || 'body', 'contains a lone UTF-16 surrogate (not a Unicode character)'));
      }
      done(null, parsed);
    });
  };
}

function refuse(field: string, problem: string): BadRequestException {
  const message = `${field === 'body' ? 'request body' : field} ${problem}`;
  return new BadRequestException(errorBody(400, message, { fields: { [field]: problem } }));
}

/**
 * The deepest nesting of [ and { outside strings, and roughly how many values and keys there are (separators and
 * openings), in one pass over the text: nothing recurses into the body before it is known to be reasonable.
 */
export function measureJson(text: string): { depth: number; values: number } {
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
      values++;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c || c === 0x3a) values++;
  }
  return { depth: deepest, values };
}

/** The path of the first string (value or key) that is not well-formed UTF-16; undefined when all are. */
export function malformedStringPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedStringPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return at;
    const found = malformedStringPath(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
