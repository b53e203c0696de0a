import { describe, expect, it } from '@jest/globals';
import { allCameoCodes, findCameoCode, isCameoCode, isCameoRoot } from './cameo';

describe('findCameoCode', () => {
  it.each([
    {
      code: '036',
      name: 'Express intent to meet or negotiate',
      label: 'Express intent to meet or negotiate',
      root: '03',
      quadClass: 1,
      quadClassLabel: 'verbal cooperation',
      goldstein: 4,
      plover: { event: 'AGREE', mode: null, context: 'diplomatic' },
    },
    {
      code: '042',
      name: 'Make a visit',
      label: 'Make a visit',
      root: '04',
      quadClass: 1,
      quadClassLabel: 'verbal cooperation',
      goldstein: 1.9,
      plover: { event: 'CONSULT', mode: 'visit', context: null },
    },
    {
      code: '01',
      name: 'MAKE PUBLIC STATEMENT',
      label: 'Make public statement',
      root: '01',
      quadClass: 1,
      quadClassLabel: 'verbal cooperation',
      goldstein: 0,
      plover: null,
    },
    {
      code: '0211',
      name: 'Appeal for economic cooperation',
      label: 'Appeal for economic cooperation',
      root: '02',
      quadClass: 1,
      quadClassLabel: 'verbal cooperation',
      goldstein: 3.4,
      plover: null,
    },
    {
      code: '0841',
      name: 'Return, release person(s)',
      label: 'Return, release person(s)',
      root: '08',
      quadClass: 2,
      quadClassLabel: 'material cooperation',
      goldstein: 7,
      plover: { event: 'RETREAT', mode: 'release', context: 'legal' },
    },
    {
      code: '1385',
      name: 'Threaten attack with WMD',
      label: 'Threaten attack with WMD',
      root: '13',
      quadClass: 3,
      quadClassLabel: 'verbal conflict',
      goldstein: -7,
      plover: { event: 'THREATEN', mode: 'violence', context: 'cbrn' },
    },
    {
      code: '20',
      name: 'USE UNCONVENTIONAL MASS VIOLENCE',
      label: 'Use unconventional mass violence',
      root: '20',
      quadClass: 4,
      quadClassLabel: 'material conflict',
      goldstein: -10,
      plover: null,
    },
  ])('$code → $label', (expected) => {
    expect(findCameoCode(expected.code)).toEqual(expected);
  });

  it.each(['999', '0a1', '42', '42 ', ' 042', '', '00', '0'])('%p is unknown', (code) => {
    expect(findCameoCode(code)).toBeUndefined();
  });

  it('returns frozen entries, shared by every caller', () => {
    const visit = findCameoCode('042');
    expect(Object.isFrozen(visit)).toBe(true);
    expect(Object.isFrozen(visit?.plover)).toBe(true);
  });
});

describe('isCameoCode and isCameoRoot', () => {
  it.each([
    { code: '01', isCode: true, isRoot: true },
    { code: '04', isCode: true, isRoot: true },
    { code: '20', isCode: true, isRoot: true },
    { code: '010', isCode: true, isRoot: false },
    { code: '042', isCode: true, isRoot: false },
    { code: '0211', isCode: true, isRoot: false },
    { code: '999', isCode: false, isRoot: false },
    { code: '0a1', isCode: false, isRoot: false },
    { code: '21', isCode: false, isRoot: false },
    { code: '1', isCode: false, isRoot: false },
    { code: '', isCode: false, isRoot: false },
  ])('$code: code $isCode, root $isRoot', ({ code, isCode, isRoot }) => {
    expect(isCameoCode(code)).toBe(isCode);
    expect(isCameoRoot(code)).toBe(isRoot);
  });
});

describe('allCameoCodes', () => {
  const all = allCameoCodes();

  it('holds the twenty roots, 01 to 20', () => {
    const roots = all.filter((c) => c.code.length === 2).map((c) => c.code);
    expect(roots).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('assigns quad classes by root: 01–05, 06–08, 09–13, 14–20', () => {
    for (const c of all) {
      const root = Number(c.root);
      const expected = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
      expect({ code: c.code, quadClass: c.quadClass }).toEqual({
        code: c.code,
        quadClass: expected,
      });
    }
  });

  it('maps every 04x code to PLOVER and no 01x or 02x code', () => {
    const plover = (prefix: string) =>
      all.filter((c) => c.code.length > 2 && c.code.startsWith(prefix)).map((c) => c.plover);
    expect(plover('04').length).toBeGreaterThan(0);
    expect(plover('04')).not.toContain(null);
    expect(plover('01').length).toBeGreaterThan(0);
    expect(plover('01').every((p) => p === null)).toBe(true);
    expect(plover('02').every((p) => p === null)).toBe(true);
  });

  it('gives every code a root present in the codebook and a Goldstein score in -10..10', () => {
    for (const c of all) {
      expect(isCameoRoot(c.root)).toBe(true);
      expect(Math.abs(c.goldstein)).toBeLessThanOrEqual(10);
    }
  });

  it('is parsed once and cached', () => {
    expect(allCameoCodes()).toBe(all);
    expect(all).toHaveLength(312);
  });
});
