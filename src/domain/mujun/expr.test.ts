import { describe, expect, it } from 'vitest';
import { MujunExprError, evalArith, evalFilter, parseArith, parseFilter, type Columns } from './expr.js';

const cols: Columns = {
  n: 4,
  numbers: {
    tax: new Float64Array([10, 20, NaN, 5]),
    land_mu: new Float64Array([2, 4, 1, 0]),
  },
  text: { scale: ['above', 'below', 'above', ''], industry: ['C3072', 'C3011', '', 'C1810'] },
};
const arith = (s: string) => Array.from(evalArith(parseArith(s, 'f'), cols, 'f'));
const filter = (s: string) => Array.from(evalFilter(parseFilter(s, 'g'), cols, 'g'));

function err(fn: () => unknown): MujunExprError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MujunExprError) return e;
    throw e;
  }
  throw new Error('expected MujunExprError');
}

describe('formula parser and evaluator', () => {
  it('gives * and / precedence over + and -, left-associative', () => {
    expect(arith('1 + 2 * 3')).toEqual([7, 7, 7, 7]);
    expect(arith('(1 + 2) * 3')).toEqual([9, 9, 9, 9]);
    expect(arith('8 / 4 / 2')).toEqual([1, 1, 1, 1]);
    expect(arith('10 - 4 - 3')).toEqual([3, 3, 3, 3]);
    expect(arith('-2 * 3 + 1.5e1')).toEqual([9, 9, 9, 9]);
  });
  it('evaluates fields column-wise with NaN for missing and for x / 0', () => {
    expect(arith('tax * 10000')).toEqual([100000, 200000, NaN, 50000]);
    expect(arith('tax / land_mu')).toEqual([5, 5, NaN, NaN]);
  });
  it('reports errors with the scheme field and position', () => {
    let e = err(() => parseArith('tax + * 2', 'groups[0].indicators[1].numerator'));
    expect(e.field).toBe('groups[0].indicators[1].numerator');
    expect(e.position).toBe(6);
    e = err(() => parseArith('(tax + 1', 'x'));
    expect(e.position).toBe(8);
    expect(e.message).toContain('右括号');
    expect(err(() => parseArith('tax $ 2', 'x')).position).toBe(4);
    expect(err(() => parseArith('tax 2', 'x')).position).toBe(4);
    expect(err(() => parseArith('', 'x')).position).toBe(0);
    expect(err(() => parseArith("tax + 'a'", 'x')).position).toBe(6);
    expect(err(() => parseArith('scale + 1', 'x')).position).toBe(0);
  });
  it('names an unknown field at evaluation, with its position', () => {
    const e = err(() => evalArith(parseArith('tax / bogus', 'n'), cols, 'n'));
    expect(e.position).toBe(6);
    expect(e.message).toContain('bogus');
  });
  it('a known spec column absent from the input is all missing, not an error', () => {
    expect(arith('emissions_t + 1')).toEqual([NaN, NaN, NaN, NaN]);
    expect(filter("town == 'x' or land_mu > 3")).toEqual([0, 1, 0, 0]);
    expect(err(() => evalFilter(parseFilter("district == 'x'", 'g'), cols, 'g')).message).toContain('district');
  });
  it('bounds parenthesis nesting (the filter parser backtracks on parentheses)', () => {
    const deep = '('.repeat(12) + 'land_mu + 1' + ')'.repeat(12) + ' > 2';
    expect(filter(deep)).toEqual([1, 1, 0, 0]);
    expect(err(() => parseFilter('(' + deep + ')', 'g')).position).toBe(12);
  });
  it('never uses eval or Function', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('./expr.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/\beval\(|new Function|Function\(/);
  });
});

describe('filter parser and evaluator', () => {
  it('compares text with single-quoted strings and numbers with numbers', () => {
    expect(filter("scale == 'above'")).toEqual([1, 0, 1, 0]);
    expect(filter("scale != 'above'")).toEqual([0, 1, 0, 0]); // missing scale: false
    expect(filter('land_mu >= 2')).toEqual([1, 1, 0, 0]);
    expect(filter('land_mu < 2')).toEqual([0, 0, 1, 1]);
    expect(filter('land_mu <= 2')).toEqual([1, 0, 1, 1]);
    expect(filter('land_mu > 2')).toEqual([0, 1, 0, 0]);
    expect(filter('land_mu == 4')).toEqual([0, 1, 0, 0]);
    expect(filter('land_mu != 4')).toEqual([1, 0, 1, 1]);
  });
  it('gives not > and > or, with parentheses', () => {
    expect(filter("scale == 'below' or scale == 'above' and land_mu >= 2")).toEqual([1, 1, 0, 0]);
    expect(filter("(scale == 'below' or scale == 'above') and land_mu >= 2")).toEqual([1, 1, 0, 0]);
    expect(filter("not scale == 'above' and land_mu >= 1")).toEqual([0, 1, 0, 0]);
    expect(filter("not (scale == 'above' or land_mu == 0)")).toEqual([0, 1, 0, 0]);
    expect(filter('(land_mu + 2) * 2 > 8')).toEqual([0, 1, 0, 0]);
  });
  it('a comparison involving a missing field is false', () => {
    expect(filter('tax > 0')).toEqual([1, 1, 0, 1]);
    expect(filter('tax / land_mu >= 5')).toEqual([1, 1, 0, 0]);
  });
  it('reports filter errors with positions', () => {
    expect(err(() => parseFilter("scale = 'above'", 'groups[1].filter')).position).toBe(6);
    expect(err(() => parseFilter("scale < 'above'", 'g')).position).toBe(6);
    expect(err(() => parseFilter("scale == 'above", 'g')).position).toBe(9);
    expect(err(() => parseFilter('land_mu >= 3 and', 'g')).position).toBe(16);
    expect(err(() => parseFilter('land_mu', 'g')).position).toBe(7);
    expect(err(() => parseFilter("scale == 'a' land_mu > 1", 'g')).position).toBe(13);
    expect(err(() => parseFilter("(scale == 'above' and)", 'g')).position).toBe(21);
    expect(err(() => parseFilter("(scale == 'above' or land_mu > 1", 'g')).position).toBe(32);
    expect(err(() => parseFilter('(land_mu + 1 > 2', 'g')).position).toBe(16);
    expect(err(() => parseFilter("scale == 'a' and", 'groups[1].filter')).field).toBe('groups[1].filter');
  });
});
