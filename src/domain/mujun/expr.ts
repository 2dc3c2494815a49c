/**
 * 亩均论英雄 expression language (spec §2.1 filters, §2.2 formulas).
 *
 * Formulas: numbers, field names, `+ - * /`, unary minus, parentheses.
 * Filters: comparisons `== != < <= > >=` between formulas, or between a text field and a single-quoted string
 * (`==` / `!=` only), joined by `and`, `or`, `not` and parentheses.
 *
 * Parsed once into an AST (no eval / Function here); evaluated column-wise over Float64Array (NaN = missing). The engine
 * runs the same semantics compiled from the AST into one loop per formula or filter (compile.ts).
 */
import { INPUT_FIELDS, type FieldDef } from './fields.js';

export interface ExprError {
  field: string;
  position: number; // 0-based character offset into the expression source
  message: string;
}

export class MujunExprError extends Error implements ExprError {
  readonly field: string;
  readonly position: number;
  constructor(field: string, position: number, message: string) {
    super(`${field}: 第 ${position + 1} 个字符处：${message}`);
    this.name = 'MujunExprError';
    this.field = field;
    this.position = position;
  }
  toJSON(): ExprError {
    return { field: this.field, position: this.position, message: this.message };
  }
}

export type ArithOp = '+' | '-' | '*' | '/';
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Arith =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'field'; name: string; pos: number }
  | { kind: 'neg'; arg: Arith; pos: number }
  | { kind: 'bin'; op: ArithOp; left: Arith; right: Arith; pos: number };

export type Filter =
  | { kind: 'cmp'; op: CmpOp; left: Arith; right: Arith; pos: number }
  | { kind: 'strcmp'; op: '==' | '!='; field: string; value: string; pos: number }
  | { kind: 'and' | 'or'; left: Filter; right: Filter; pos: number }
  | { kind: 'not'; arg: Filter; pos: number };

type Tok =
  | { t: 'num'; v: number; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'kw'; v: 'and' | 'or' | 'not'; pos: number }
  | { t: 'eof'; pos: number };

export const MAX_DEPTH = 12;

const ID_START = /[\p{L}_]/u;
const ID_PART = /[\p{L}\p{N}_]/u;

export function tokenize(src: string, field: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      const text = m![0];
      i += text.length;
      if (i < src.length && ID_PART.test(src[i]!)) throw new MujunExprError(field, i, `数字后出现意外字符 '${src[i]}'`);
      out.push({ t: 'num', v: Number(text), pos: start });
      continue;
    }
    if (ID_START.test(c)) {
      while (i < src.length && ID_PART.test(src[i]!)) i++;
      const word = src.slice(start, i);
      if (word === 'and' || word === 'or' || word === 'not') out.push({ t: 'kw', v: word, pos: start });
      else out.push({ t: 'id', v: word, pos: start });
      continue;
    }
    if (c === "'") {
      i++;
      let s = '';
      while (i < src.length && src[i] !== "'") s += src[i++];
      if (i >= src.length) throw new MujunExprError(field, start, '字符串缺少结束的单引号');
      i++;
      out.push({ t: 'str', v: s, pos: start });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, pos: start });
      i += 2;
      continue;
    }
    if ('+-*/()<>'.includes(c)) {
      out.push({ t: 'op', v: c, pos: start });
      i++;
      continue;
    }
    throw new MujunExprError(field, start, `无法识别的字符 '${c}'`);
  }
  out.push({ t: 'eof', pos: src.length });
  // bound nesting: the filter parser backtracks on '(' (filter or arithmetic?), so depth must stay small
  let depth = 0;
  for (const t of out) {
    if (t.t !== 'op') continue;
    if (t.v === '(' && ++depth > MAX_DEPTH) throw new MujunExprError(field, t.pos, `括号嵌套超过 ${MAX_DEPTH} 层`);
    if (t.v === ')') depth--;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly field: string,
    private readonly textFields: ReadonlySet<string>,
  ) {}

  peek(): Tok {
    return this.toks[this.i]!;
  }
  next(): Tok {
    return this.toks[this.i++]!;
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  isKw(v: string): boolean {
    const t = this.peek();
    return t.t === 'kw' && t.v === v;
  }
  fail(t: Tok, msg: string): never {
    throw new MujunExprError(this.field, t.pos, msg);
  }
  describe(t: Tok): string {
    if (t.t === 'eof') return '表达式结尾';
    if (t.t === 'str') return `字符串 '${t.v}'`;
    return `'${String(t.v)}'`;
  }
  expectEnd(): void {
    const t = this.peek();
    if (t.t !== 'eof') this.fail(t, `多余的 ${this.describe(t)}`);
  }

  // arith := term (('+'|'-') term)*
  arith(): Arith {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      const right = this.term();
      left = { kind: 'bin', op: op.t === 'op' ? (op.v as ArithOp) : '+', left, right, pos: op.pos };
    }
    return left;
  }
  term(): Arith {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next();
      const right = this.unary();
      left = { kind: 'bin', op: op.t === 'op' ? (op.v as ArithOp) : '*', left, right, pos: op.pos };
    }
    return left;
  }
  unary(): Arith {
    if (this.isOp('-')) {
      const t = this.next();
      return { kind: 'neg', arg: this.unary(), pos: t.pos };
    }
    if (this.isOp('+')) {
      this.next();
      return this.unary();
    }
    return this.primary();
  }
  primary(): Arith {
    const t = this.next();
    if (t.t === 'num') return { kind: 'num', value: t.v, pos: t.pos };
    if (t.t === 'id') {
      if (this.textFields.has(t.v)) this.fail(t, `文本字段 '${t.v}' 不能参与算术运算`);
      return { kind: 'field', name: t.v, pos: t.pos };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.arith();
      const close = this.peek();
      if (!(close.t === 'op' && close.v === ')')) this.fail(close, `缺少右括号 ')'，遇到 ${this.describe(close)}`);
      this.next();
      return e;
    }
    if (t.t === 'str') this.fail(t, '算术表达式中不能使用字符串');
    return this.fail(t, `此处应为数字、字段或 '('，遇到 ${this.describe(t)}`);
  }

  // filter := conj ('or' conj)* ; conj := neg ('and' neg)* ; neg := 'not' neg | atom
  filter(): Filter {
    let left = this.conj();
    while (this.isKw('or')) {
      const t = this.next();
      left = { kind: 'or', left, right: this.conj(), pos: t.pos };
    }
    return left;
  }
  conj(): Filter {
    let left = this.negation();
    while (this.isKw('and')) {
      const t = this.next();
      left = { kind: 'and', left, right: this.negation(), pos: t.pos };
    }
    return left;
  }
  negation(): Filter {
    if (this.isKw('not')) {
      const t = this.next();
      return { kind: 'not', arg: this.negation(), pos: t.pos };
    }
    return this.atom();
  }
  atom(): Filter {
    // A '(' may open either a parenthesised filter or an arithmetic operand: try the filter first, backtrack.
    if (this.isOp('(')) {
      const save = this.i;
      let asFilter: MujunExprError | undefined;
      try {
        this.next();
        const f = this.filter();
        if (this.isOp(')')) {
          this.next();
          return f;
        }
        asFilter = new MujunExprError(this.field, this.peek().pos, `缺少右括号 ')'，遇到 ${this.describe(this.peek())}`);
      } catch (e) {
        if (!(e instanceof MujunExprError)) throw e;
        asFilter = e;
      }
      this.i = save;
      try {
        return this.comparison();
      } catch (e) {
        // report whichever reading got further into the source
        if (e instanceof MujunExprError && e.position >= asFilter.position) throw e;
        throw asFilter;
      }
    }
    return this.comparison();
  }
  comparison(): Filter {
    const t = this.peek();
    const t1 = this.toks[this.i + 1];
    const t2 = this.toks[this.i + 2];
    // text comparison: <text field> (==|!=) '<string>'  or  '<string>' (==|!=) <text field>
    if (t.t === 'id' && t1?.t === 'op' && t2?.t === 'str') return this.strcmp(t.v, t1, t2, t.pos, 3);
    if (t.t === 'str' && t1?.t === 'op' && t2?.t === 'id') return this.strcmp(t2.v, t1, t, t.pos, 3);
    if (t.t === 'id' && this.textFields.has(t.v)) {
      return this.fail(t1 ?? t, `文本字段 '${t.v}' 只能用 == 或 != 与单引号字符串比较`);
    }
    const left = this.arith();
    const op = this.peek();
    if (!(op.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(op.v))) {
      return this.fail(op, `此处应为比较运算符（== != < <= > >=），遇到 ${this.describe(op)}`);
    }
    this.next();
    const right = this.arith();
    return { kind: 'cmp', op: op.v as CmpOp, left, right, pos: op.pos };
  }
  strcmp(fieldName: string, op: Tok, str: Tok, pos: number, advance: number): Filter {
    if (!(op.t === 'op' && (op.v === '==' || op.v === '!='))) this.fail(op, '字符串只能用 == 或 != 比较');
    if (str.t !== 'str') this.fail(str, '此处应为字符串');
    this.i += advance;
    return { kind: 'strcmp', op: op.v as '==' | '!=', field: fieldName, value: str.v, pos };
  }
}

/** Parse an arithmetic formula. `field` names the scheme field for error messages. */
export function parseArith(src: string, field: string, textFields: ReadonlySet<string> = DEFAULT_TEXT_FIELDS): Arith {
  const p = new Parser(tokenize(src, field), field, textFields);
  if (p.peek().t === 'eof') throw new MujunExprError(field, 0, '表达式为空');
  const e = p.arith();
  p.expectEnd();
  return e;
}

/** Parse a filter. */
export function parseFilter(src: string, field: string, textFields: ReadonlySet<string> = DEFAULT_TEXT_FIELDS): Filter {
  const p = new Parser(tokenize(src, field), field, textFields);
  if (p.peek().t === 'eof') throw new MujunExprError(field, 0, '筛选条件为空');
  const f = p.filter();
  p.expectEnd();
  return f;
}

const isNumberField = (f: FieldDef) => f.type === 'number' || f.type === 'nonneg' || f.type === 'int';

/** Text columns of spec §1 (the field table in fields.ts). Any other identifier is a number column. */
export const DEFAULT_TEXT_FIELDS: ReadonlySet<string> = new Set(INPUT_FIELDS.filter((f) => !isNumberField(f)).map((f) => f.key));

/** Numeric columns of spec §1: an input without such a column has it all missing (not an error). */
export const KNOWN_NUMBER_FIELDS: ReadonlySet<string> = new Set(INPUT_FIELDS.filter(isNumberField).map((f) => f.key));

export function arithFields(e: Arith, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'field') out.add(e.name);
  else if (e.kind === 'neg') arithFields(e.arg, out);
  else if (e.kind === 'bin') {
    arithFields(e.left, out);
    arithFields(e.right, out);
  }
  return out;
}

export interface Columns {
  n: number;
  numbers: Record<string, Float64Array>;
  text: Record<string, string[]>;
}

/** Column-wise evaluation; NaN is missing; x / 0 is missing. Unknown fields are errors naming `field` and position. */
export function evalArith(e: Arith, cols: Columns, field: string): Float64Array {
  const n = cols.n;
  switch (e.kind) {
    case 'num':
      return new Float64Array(n).fill(e.value);
    case 'field': {
      const c = cols.numbers[e.name];
      if (!c && KNOWN_NUMBER_FIELDS.has(e.name)) return new Float64Array(n).fill(NaN);
      if (!c) throw new MujunExprError(field, e.pos, `未知的数值字段 '${e.name}'`);
      return c;
    }
    case 'neg': {
      const a = evalArith(e.arg, cols, field);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = -a[i]!;
      return out;
    }
    case 'bin': {
      // a number on either side is applied as a scalar (no column of constants is built)
      if (e.right.kind === 'num') return binScalarRight(e.op, evalArith(e.left, cols, field), e.right.value);
      if (e.left.kind === 'num') return binScalarLeft(e.op, e.left.value, evalArith(e.right, cols, field));
      const a = evalArith(e.left, cols, field);
      const b = evalArith(e.right, cols, field);
      const out = new Float64Array(n);
      switch (e.op) {
        case '+':
          for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
          break;
        case '-':
          for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
          break;
        case '*':
          for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
          break;
        case '/':
          for (let i = 0; i < n; i++) out[i] = b[i] === 0 ? NaN : a[i]! / b[i]!;
          break;
      }
      return out;
    }
  }
}

function binScalarRight(op: ArithOp, a: Float64Array, c: number): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a[i]! + c;
      break;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a[i]! - c;
      break;
    case '*':
      for (let i = 0; i < n; i++) out[i] = a[i]! * c;
      break;
    case '/':
      if (c === 0) out.fill(NaN);
      else for (let i = 0; i < n; i++) out[i] = a[i]! / c;
      break;
  }
  return out;
}

function binScalarLeft(op: ArithOp, c: number, b: Float64Array): Float64Array {
  const n = b.length;
  const out = new Float64Array(n);
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = c + b[i]!;
      break;
    case '-':
      for (let i = 0; i < n; i++) out[i] = c - b[i]!;
      break;
    case '*':
      for (let i = 0; i < n; i++) out[i] = c * b[i]!;
      break;
    case '/':
      for (let i = 0; i < n; i++) out[i] = b[i] === 0 ? NaN : c / b[i]!;
      break;
  }
  return out;
}

/** Two-valued filter evaluation: a comparison involving a missing value is false (spec §2.1). 1 = holds. */
export function evalFilter(f: Filter, cols: Columns, field: string): Uint8Array {
  const n = cols.n;
  const out = new Uint8Array(n);
  switch (f.kind) {
    case 'cmp': {
      if (f.right.kind === 'num') compareScalar(f.op, evalArith(f.left, cols, field), f.right.value, false, out);
      else if (f.left.kind === 'num') compareScalar(f.op, evalArith(f.right, cols, field), f.left.value, true, out);
      else {
        const a = evalArith(f.left, cols, field);
        const b = evalArith(f.right, cols, field);
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = b[i]!;
          if (Number.isNaN(x) || Number.isNaN(y)) continue;
          out[i] = compare(f.op, x, y) ? 1 : 0;
        }
      }
      return out;
    }
    case 'strcmp': {
      const c = cols.text[f.field];
      if (!c && DEFAULT_TEXT_FIELDS.has(f.field)) return out; // known column absent from the input: all missing
      if (!c) throw new MujunExprError(field, f.pos, `未知的文本字段 '${f.field}'`);
      const value = f.value;
      const eq = f.op === '==' ? 1 : 0;
      const ne = 1 - eq;
      for (let i = 0; i < n; i++) {
        const v = c[i];
        if (v === undefined || v === '') continue; // missing
        out[i] = v === value ? eq : ne;
      }
      return out;
    }
    case 'and':
    case 'or': {
      const a = evalFilter(f.left, cols, field);
      const b = evalFilter(f.right, cols, field);
      if (f.kind === 'and') for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
      else for (let i = 0; i < n; i++) out[i] = a[i]! | b[i]!;
      return out;
    }
    case 'not': {
      const a = evalFilter(f.arg, cols, field);
      for (let i = 0; i < n; i++) out[i] = a[i]! ? 0 : 1;
      return out;
    }
  }
}

function compare(op: CmpOp, x: number, y: number): boolean {
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

/** `a[i] op c` (or `c op a[i]` when `flipped`) into `out`; a missing a[i] or a NaN constant leaves 0. */
function compareScalar(op: CmpOp, a: Float64Array, c: number, flipped: boolean, out: Uint8Array): void {
  const n = out.length;
  if (Number.isNaN(c)) return;
  // c op x is x op' c with op' mirrored
  const o: CmpOp = !flipped ? op : op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
  switch (o) {
    case '==':
      for (let i = 0; i < n; i++) out[i] = a[i] === c ? 1 : 0;
      break;
    case '!=':
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        out[i] = x === x && x !== c ? 1 : 0;
      }
      break;
    case '<':
      for (let i = 0; i < n; i++) out[i] = a[i]! < c ? 1 : 0;
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = a[i]! <= c ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = a[i]! > c ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= c ? 1 : 0;
      break;
  }
}
