/**
 * Formulas and filters (expr.ts ASTs) compiled once into loops over the rows (`new Function`), with the semantics of
 * `evalArith` / `evalFilter` value for value: NaN is missing, `x / 0` is missing, a comparison with a missing value is
 * false (also under `not`), a text comparison with a missing text is false. Instead of one temporary column per AST
 * node, each row is computed in one expression, in registers.
 *
 * Safe to generate: the code is built only from our own AST — column references become parameters (`c3[i]`),
 * numbers become numeric literals (`String(x)` of a finite number, which reads back as the same double), text
 * constants become JSON string literals; no source text of the expression is copied into the code.
 *
 * Errors (unknown fields) are thrown at compile time, in the order `evalArith` / `evalFilter` would meet them.
 */
import {
  DEFAULT_TEXT_FIELDS,
  KNOWN_NUMBER_FIELDS,
  MujunExprError,
  parseArith,
  type Arith,
  type Columns,
  type Filter,
} from './expr.js';

/** The columns a compiled expression reads, bound to the parameters c0…, t0… of the generated code. */
class Bindings {
  readonly numbers: Float64Array[] = [];
  readonly texts: (readonly string[])[] = [];
  number(col: Float64Array): string {
    let k = this.numbers.indexOf(col);
    if (k < 0) k = this.numbers.push(col) - 1;
    return `c${k}`;
  }
  text(col: readonly string[]): string {
    let k = this.texts.indexOf(col);
    if (k < 0) k = this.texts.push(col) - 1;
    return `t${k}`;
  }
  params(): string[] {
    return [...this.numbers.map((_, k) => `c${k}`), ...this.texts.map((_, k) => `t${k}`)];
  }
  args(): unknown[] {
    return [...this.numbers, ...this.texts];
  }
}

function literal(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  if (Object.is(x, -0)) return '(-0)';
  return `(${String(x)})`;
}

/** JS expression of the row value of `e` at row `i` (a double; NaN = missing). */
function arithCode(e: Arith, cols: Columns, field: string, b: Bindings): string {
  switch (e.kind) {
    case 'num':
      return literal(e.value);
    case 'field': {
      const c = cols.numbers[e.name];
      if (!c && KNOWN_NUMBER_FIELDS.has(e.name)) return 'NaN';
      if (!c) throw new MujunExprError(field, e.pos, `未知的数值字段 '${e.name}'`);
      return `${b.number(c)}[i]`;
    }
    case 'neg':
      return `(-${arithCode(e.arg, cols, field, b)})`;
    case 'bin': {
      // evalArith's order: a number on the right, then on the left, is a scalar; else left, then right
      let l: string;
      let r: string;
      if (e.right.kind === 'num') {
        l = arithCode(e.left, cols, field, b);
        r = literal(e.right.value);
      } else if (e.left.kind === 'num') {
        r = arithCode(e.right, cols, field, b);
        l = literal(e.left.value);
      } else {
        l = arithCode(e.left, cols, field, b);
        r = arithCode(e.right, cols, field, b);
      }
      if (e.op === '/') return `div(${l}, ${r})`;
      return `(${l} ${e.op} ${r})`;
    }
  }
}

/** JS expression, true when the filter holds at row `i`. */
function filterCode(f: Filter, cols: Columns, field: string, b: Bindings): string {
  switch (f.kind) {
    case 'cmp': {
      let l: string;
      let r: string;
      if (f.right.kind === 'num') {
        l = arithCode(f.left, cols, field, b);
        r = literal(f.right.value);
      } else if (f.left.kind === 'num') {
        r = arithCode(f.right, cols, field, b);
        l = literal(f.left.value);
      } else {
        l = arithCode(f.left, cols, field, b);
        r = arithCode(f.right, cols, field, b);
      }
      // NaN compares false under == < <= > >=; != needs both sides present
      if (f.op === '!=') return `ne(${l}, ${r})`;
      return `(${l} ${f.op === '==' ? '===' : f.op} ${r})`;
    }
    case 'strcmp': {
      const c = cols.text[f.field];
      if (!c && DEFAULT_TEXT_FIELDS.has(f.field)) return 'false'; // known column absent: all missing
      if (!c) throw new MujunExprError(field, f.pos, `未知的文本字段 '${f.field}'`);
      return `${f.op === '==' ? 'streq' : 'strne'}(${b.text(c)}[i], ${JSON.stringify(f.value)})`;
    }
    case 'and':
    case 'or': {
      const l = filterCode(f.left, cols, field, b);
      const r = filterCode(f.right, cols, field, b);
      return `(${l} ${f.kind === 'and' ? '&&' : '||'} ${r})`;
    }
    case 'not':
      return `(!${filterCode(f.arg, cols, field, b)})`;
  }
}

const HELPERS = `
  const div = (a, b) => (b === 0 ? NaN : a / b);
  const ne = (x, y) => x === x && y === y && x !== y;
  const streq = (v, s) => v !== undefined && v !== '' && v === s;
  const strne = (v, s) => v !== undefined && v !== '' && v !== s;
`;

function build<T>(b: Bindings, body: string): T {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code generated from our AST only (see the header)
  const factory = new Function(...b.params(), `'use strict';${HELPERS}return ${body};`) as (...a: unknown[]) => T;
  return factory(...b.args());
}

/**
 * §2.2 values over the members: `value[k]` = num / den (or num) at row members[k] when finite and den > 0, else NaN.
 * Returns the number of valued members. The same numbers as `evalArith` over the table followed by the engine's
 * value pass.
 */
export type ValuesFn = (members: Int32Array, value: Float64Array) => number;

export function compileValues(
  numerator: string,
  denominator: string | undefined,
  cols: Columns,
  numField: string,
  denField: string,
  textFields: ReadonlySet<string>,
): ValuesFn {
  const b = new Bindings();
  // parse and bind the numerator before the denominator, as evalArith meets their errors
  const a = arithCode(parseArith(numerator, numField, textFields), cols, numField, b);
  const d = denominator === undefined ? null : arithCode(parseArith(denominator, denField, textFields), cols, denField, b);
  const v =
    d === null
      ? `const a = ${a}; const v = a - a === 0 ? a : NaN;`
      : `const a = ${a}; const d = ${d}; const v = a - a === 0 && d - d === 0 && d > 0 ? a / d : NaN;`;
  return build<ValuesFn>(
    b,
    `function values(members, value) {
      const m = members.length;
      let valued = 0;
      for (let k = 0; k < m; k++) {
        const i = members[k];
        ${v}
        value[k] = v;
        if (v === v) valued++;
      }
      return valued;
    }`,
  );
}

/** §2.1 `groupOf[i] = gi` for every row not yet in a group (−1) where the filter holds. */
export type AssignFn = (groupOf: Int16Array, gi: number) => void;

export function compileGroupFilter(f: Filter, cols: Columns, field: string): AssignFn {
  const b = new Bindings();
  const cond = filterCode(f, cols, field, b);
  return build<AssignFn>(
    b,
    `function assign(groupOf, gi) {
      const n = groupOf.length;
      for (let i = 0; i < n; i++) if (groupOf[i] === -1 && ${cond}) groupOf[i] = gi;
    }`,
  );
}
