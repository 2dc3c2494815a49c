import { describe, expect, it } from 'vitest';
import { defaultScheme } from './default-scheme.js';
import { validateScheme } from './scheme.js';

describe('default scheme', () => {
  it('is valid, uses all four heroes in both groups and weighs 100 per group', () => {
    const s = defaultScheme(2022);
    expect(validateScheme(s)).toMatchObject({ ok: true });
    for (const g of s.groups) {
      expect(new Set(g.indicators.map((i) => i.hero))).toEqual(new Set(['mujun', 'ditan', 'keji', 'renjun']));
      expect(g.indicators.reduce((a, i) => a + i.weight, 0)).toBe(100);
      expect(g.classes).toEqual({
        method: 'percentile',
        bands: [
          ['A', 0.2],
          ['B', 0.6],
          ['C', 0.95],
          ['D', 1],
        ],
      });
    }
    expect(s.groups[1]!.filter).toBe("scale == 'below' and land_mu >= 3");
  });
});
