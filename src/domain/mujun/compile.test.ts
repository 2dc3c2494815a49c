/**
 * The compiled formulas and filters (compile.ts) against the interpreted ones (expr.ts evalArith / evalFilter): random
 * expressions over columns with missing values, zeros, −0 and infinities give bit-identical values and the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGroupFilter, compileValues } from './compile.js';
import { evalArith, evalFilter, MujunExprError, parseArith, parseFilter, type Columns } from './expr.js';

const TEXT = new Set(['scale', 'town', 'industry', 'flags', 'landlord_uscc', 'name', 'uscc']);
const N = 64;
const SPECIAL = [NaN, 0, -0, 1, -1, 2.5, 3, 1e-9, 1e300, Infinity, -Infinity, 10000, 0.1];

function columns(seed: number): Columns {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const num = () =>
    Float64Array.from({ length: N }, () => (rnd() < 0.5 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)]! : (rnd() - 0.3) * 100));
  const txt = (vals: string[]) => Array.from({ length: N }, () => vals[Math.floor(rnd() * vals.length)]!);
  return {
    n: N,
    numbers: { tax: num(), land_mu: num(), revenue: num(), x: num() },
    text: { scale: txt(['above', 'below', '', 'above ']), town: txt(['青山镇', '安源镇', '']) },
  };
}

const field = fc.constantFrom('tax', 'land_mu', 'revenue', 'x', 'employees'); // employees: a known column absent here
const number = fc.constantFrom('0', '1', '2.5', '0.001', '10000', '3e2', '1e999');
const arith: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    field,
    number,
    tie('e').map((a) => `-${a}`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
})).e;
const filter: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(arith, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), arith).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(fc.constantFrom('scale', 'town', 'industry'), fc.constantFrom('==', '!='), fc.constantFrom('above', '', '青山镇'))
      .map(([f, op, v]) => `${f} ${op} '${v}'`),
    tie('f').map((f) => `not (${f})`),
    fc.tuple(tie('f'), fc.constantFrom('and', 'or'), tie('f')).map(([a, k, b]) => `(${a}) ${k} (${b})`),
  ),
})).f;

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return a.length === b.length;
};

describe('compiled formulas and filters equal evalArith / evalFilter', () => {
  it('values: num / den (or num) per member, bit for bit, NaN where not finite or den ≤ 0', () => {
    fc.assert(
      fc.property(arith, fc.option(arith, { nil: undefined }), fc.integer(), (numSrc, denSrc, seed) => {
        const cols = columns(seed);
        const num = evalArith(parseArith(numSrc, 'n', TEXT), cols, 'n');
        const den = denSrc === undefined ? null : evalArith(parseArith(denSrc, 'd', TEXT), cols, 'd');
        const want = new Float64Array(N);
        for (let i = 0; i < N; i++) {
          const a = num[i]!;
          if (den === null) want[i] = Number.isFinite(a) ? a : NaN;
          else {
            const d = den[i]!;
            want[i] = Number.isFinite(a) && Number.isFinite(d) && d > 0 ? a / d : NaN;
          }
        }
        // every other row, in order, as a group's members
        const members = Int32Array.from({ length: N / 2 }, (_, k) => 2 * k);
        const got = new Float64Array(members.length);
        const valued = compileValues(numSrc, denSrc, cols, 'n', 'd', TEXT)(members, got);
        const wantMembers = Float64Array.from(members, (i) => want[i]!);
        expect(same(got, wantMembers)).toBe(true);
        expect(valued).toBe(wantMembers.filter((v) => !Number.isNaN(v)).length);
      }),
      { numRuns: 400 },
    );
  });

  it('group filters: the same rows, only where no earlier group took them', () => {
    fc.assert(
      fc.property(filter, fc.integer(), (src, seed) => {
        const cols = columns(seed);
        const mask = evalFilter(parseFilter(src, 'f', TEXT), cols, 'f');
        const groupOf = Int16Array.from({ length: N }, (_, i) => (i % 5 === 0 ? 7 : -1));
        compileGroupFilter(parseFilter(src, 'f', TEXT), cols, 'f')(groupOf, 3);
        for (let i = 0; i < N; i++) expect([i, groupOf[i]]).toEqual([i, i % 5 === 0 ? 7 : mask[i] ? 3 : -1]);
      }),
      { numRuns: 400 },
    );
  });

  it('unknown fields are errors at compile time, naming the field and the position, as evalArith / evalFilter do', () => {
    const cols = columns(1);
    const errorOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e instanceof MujunExprError ? e.toJSON() : e;
      }
      return null;
    };
    const arithCases = ['tax + nope', 'nope2 / nope', '-(x * 2) + zzz'];
    for (const src of arithCases) {
      const want = errorOf(() => evalArith(parseArith(src, 'n', TEXT), cols, 'n'));
      expect(want).not.toBeNull();
      expect(errorOf(() => compileValues(src, undefined, cols, 'n', 'd', TEXT))).toEqual(want);
      // a numerator's error comes before the denominator's
      expect(errorOf(() => compileValues(src, 'other + 1', cols, 'n', 'd', TEXT))).toEqual(want);
    }
    for (const src of ["weird == 'a' and tax > 1", "tax > 1 or (q < 2 and scale == 'above')"]) {
      const want = errorOf(() => evalFilter(parseFilter(src, 'f', TEXT), cols, 'f'));
      expect(want).not.toBeNull();
      expect(errorOf(() => compileGroupFilter(parseFilter(src, 'f', TEXT), cols, 'f'))).toEqual(want);
    }
  });
});
