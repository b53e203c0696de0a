import { describe, expect, it } from '@jest/globals';
import { noneMatch, normalisedKey, positionEtag } from './position-etag';
import { ResponseCache } from './response-cache';

describe('positionEtag', () => {
  it('is weak, and changes with the position and with the query', () => {
    const tag = positionEtag('745.1200.3', 'timeline {}');
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(positionEtag('745.1200.3', 'timeline {}')).toBe(tag);
    expect(positionEtag('745.1201.3', 'timeline {}')).not.toBe(tag);
    expect(positionEtag('745.1200.4', 'timeline {}')).not.toBe(tag);
    expect(positionEtag('745.1200.3', 'timeline {"limit":5}')).not.toBe(tag);
  });
});

describe('noneMatch', () => {
  const tag = 'W/"abc"';
  it.each([
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ['*', true],
    ['"x"', false],
    ['', false],
    [undefined, false],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(noneMatch(header, tag)).toBe(expected);
  });
});

describe('normalisedKey', () => {
  it('ignores key order, list order and undefined values; keeps every value that changes the answer', () => {
    const a = normalisedKey('timeline', { filter: { country: ['UZB', 'KAZ'], q: undefined }, limit: 50 });
    const b = normalisedKey('timeline', { limit: 50, filter: { country: ['KAZ', 'UZB'] } });
    expect(a).toBe(b);
    expect(normalisedKey('timeline', { limit: 51, filter: { country: ['KAZ', 'UZB'] } })).not.toBe(a);
    expect(normalisedKey('actor-timeline', { limit: 50, filter: { country: ['KAZ', 'UZB'] } })).not.toBe(a);
    const asOf = (iso: string) => normalisedKey('timeline', { filter: { asOf: new Date(iso) } });
    expect(asOf('2023-11-05T00:00:00Z')).not.toBe(asOf('2023-11-06T00:00:00Z'));
  });
});

describe('ResponseCache', () => {
  it('keeps the most recently used entries within its entry bound', () => {
    const cache = new ResponseCache(2, 1_000);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
  });

  it('keeps within its size bound, and never stores a body too large to share the cache', () => {
    const cache = new ResponseCache(100, 160);
    cache.set('a', 'x'.repeat(10));
    cache.set('b', 'x'.repeat(10));
    cache.set('big', 'x'.repeat(11)); // over 160 / 16: not kept
    expect(cache.get('big')).toBeUndefined();
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, 'x'.repeat(10));
    expect(cache.stats.chars).toBeLessThanOrEqual(160);
    expect(cache.get('k19')).toBe('x'.repeat(10));
    expect(cache.get('a')).toBeUndefined();
  });
});
