import { describe, expect, it } from 'vitest';
import { isReference, newReference, normalizeReference, REFERENCE_ALPHABET } from '#src/server/reference.ts';

describe('reference numbers', () => {
  it('look like PREFIX-YEAR-CODE with no ambiguous characters', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    for (let i = 0; i < 2000; i++) {
      const ref = newReference('DGV', new Date('2026-06-01T12:00:00Z'));
      expect(ref).toMatch(/^DGV-2026-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
      expect(isReference(ref)).toBe(true);
    }
  });

  it('are random: 2000 draws give (practically) no repeats and use the whole alphabet', () => {
    const refs = Array.from({ length: 2000 }, () => newReference('REZ'));
    expect(new Set(refs).size).toBeGreaterThan(1995);
    const used = new Set(refs.flatMap((r) => [...r.slice(-5)]));
    expect(used.size).toBe(31);
  });

  it('use the Latvian civil year (Europe/Riga) at New Year', () => {
    expect(newReference('BAU', new Date('2026-12-31T22:30:00Z'))).toMatch(/^BAU-2027-/);
    expect(newReference('BAU', new Date('2026-12-31T21:30:00Z'))).toMatch(/^BAU-2026-/);
    // The last millisecond of the old year and the first of the new one, one after the other.
    expect(newReference('BAU', new Date('2026-12-31T21:59:59.999Z'))).toMatch(/^BAU-2026-/);
    expect(newReference('BAU', new Date('2026-12-31T22:00:00.000Z'))).toMatch(/^BAU-2027-/);
    expect(newReference('BAU', new Date('2026-12-31T21:59:59.999Z'))).toMatch(/^BAU-2026-/);
    // Summer time: midnight in Riga is 21:00 UTC.
    expect(newReference('BAU', new Date('2027-06-30T21:00:00Z'))).toMatch(/^BAU-2027-/);
  });

  it('refuse a bad prefix and normalise what a resident types', () => {
    expect(() => newReference('dg')).toThrow(TypeError);
    expect(() => newReference('D-1')).toThrow(TypeError);
    expect(normalizeReference(' dgv 2026 7kq3m ')).toBe('DGV-2026-7KQ3M');
    expect(normalizeReference('DGV-2026-0OIL1')).toBeUndefined();
  });
});
