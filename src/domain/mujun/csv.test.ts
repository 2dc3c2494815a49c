import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvReader,
  FIELD_MALFORMED,
  FIELD_NUMBER,
  FIELD_VALUE,
  fieldText,
  parseNumberBytes,
  parseNumberText,
  type CsvHandler,
} from './csv.js';

const enc = new TextEncoder();

/** Parses `bytes` fed in chunks of `size` bytes; returns the records as strings (malformed fields marked). */
function parse(bytes: Uint8Array, size = bytes.length || 1): string[][] {
  const records: string[][] = [];
  let cur: string[] = [];
  const h: CsvHandler = {
    field(col, buf, s, e, flags) {
      expect(col).toBe(cur.length);
      cur.push((flags & FIELD_MALFORMED ? '!' : '') + fieldText(buf, s, e, flags));
    },
    endRecord(n) {
      expect(n).toBe(cur.length);
      records.push(cur);
      cur = [];
    },
  };
  const r = new CsvReader(h);
  for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
  r.end();
  return records;
}

const csv = (text: string, size?: number) => parse(enc.encode(text), size);

describe('CsvReader', () => {
  it('reads plain fields, LF / CRLF / CR line ends, and no line break at the end', () => {
    expect(csv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(csv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(csv('a\r1\r')).toEqual([['a'], ['1']]);
  });

  it('quoted fields: commas, line breaks, doubled quotes, empty quotes', () => {
    expect(csv('"a,b","line1\nline2","say ""hi""",""\n')).toEqual([['a,b', 'line1\nline2', 'say "hi"', '']]);
    expect(csv('"x\r\ny",z\r\n')).toEqual([['x\r\ny', 'z']]);
  });

  it('empty fields, a trailing comma, and blank lines (reported as one empty field)', () => {
    expect(csv('a,,c\n,\n\nx,')).toEqual([['a', '', 'c'], ['', ''], [''], ['x', '']]);
  });

  it('skips a UTF-8 BOM, also when it arrives one byte at a time', () => {
    const bytes = enc.encode('\uFEFFuscc,企业名称\n1,甲\n');
    expect(parse(bytes)).toEqual([
      ['uscc', '企业名称'],
      ['1', '甲'],
    ]);
    expect(parse(bytes, 1)).toEqual([
      ['uscc', '企业名称'],
      ['1', '甲'],
    ]);
  });

  it('flags bad quoting instead of guessing', () => {
    expect(csv('"ab"c,d\n')).toEqual([['!"ab"c', 'd']]);
    expect(csv('a,"never closed\n')).toEqual([['a', '!"never closed\n']]);
  });

  it('gives the same records for every chunk size (CRLF split, "" split, UTF-8 split)', () => {
    const text = '\uFEFF名称,"备注, 说明"\r\n"甲""乙""",1\r\n丙,"多\r\n行"\r\n,\r\n"",""\r\nlast,"x"';
    const whole = csv(text);
    expect(whole).toEqual([
      ['名称', '备注, 说明'],
      ['甲"乙"', '1'],
      ['丙', '多\r\n行'],
      ['', ''],
      ['', ''],
      ['last', 'x'],
    ]);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(csv(text, size)).toEqual(whole);
  });

  it('property: any table written with RFC 4180 quoting reads back, in any chunking', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '甲', '1', '.'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, size) => {
          const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
          expect(csv(text, size)).toEqual(rows);
        },
      ),
    );
  });
});

describe('parseNumberBytes', () => {
  const num = (s: string) => parseNumberText(s);

  it('integers, decimals, signs, exponents, surrounding spaces', () => {
    expect(num('0')).toBe(0);
    expect(num('42')).toBe(42);
    expect(num('-3.25')).toBe(-3.25);
    expect(num('+7')).toBe(7);
    expect(num('.5')).toBe(0.5);
    expect(num('5.')).toBe(5);
    expect(num('1e3')).toBe(1000);
    expect(num('1.5E-3')).toBe(0.0015);
    expect(num('  12.5 ')).toBe(12.5);
    expect(num('0.1')).toBe(0.1);
    expect(num('24.097')).toBe(24.097);
    expect(Object.is(num('-0'), -0)).toBe(true);
  });

  it('thousands separators in groups of three', () => {
    expect(num('1,234.5')).toBe(1234.5);
    expect(num('12,345,678')).toBe(12345678);
    expect(num('-1,000')).toBe(-1000);
    for (const bad of ['1,23', '1234,567', ',123', '1,,234', '1,234,56', '1.234,5']) expect(num(bad)).toBeNaN();
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', ' ', '-', '+', '.', 'abc', '12a', '1e', '1e+', '--1', '1.2.3', 'NaN', 'Infinity', '1e999', '０'])
      expect(num(bad)).toBeNaN();
  });

  it('slow path: long mantissas and large exponents agree with Number()', () => {
    for (const s of [
      '12345678901234567890',
      '0.1234567890123456789',
      '9007199254740993',
      '1e300',
      '1.7976931348623157e308',
      '5e-324',
      '123456789012345678901234.5',
    ])
      expect(num(s)).toBe(Number(s));
  });

  it('property: the shortest text of any double reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(num(String(x)), x) || (x === 0 && num(String(x)) === 0)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: decimal texts agree with Number() (fast path correctly rounded)', () => {
    const digits = fc.string({
      unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.boolean(),
        digits,
        fc.option(digits),
        fc.option(fc.integer({ min: -30, max: 30 })),
        (neg, int, frac, exp) => {
          const s = `${neg ? '-' : ''}${int}${frac !== null ? `.${frac}` : ''}${exp !== null ? `e${exp}` : ''}`;
          expect(num(s)).toBe(Number(s));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('the reader hands over plain unquoted decimals already parsed, equal to parseNumberBytes', () => {
    const seen: [string, number][] = [];
    const r = new CsvReader({
      field: (_c, b, s, e, f) => void seen.push([fieldText(b, s, e, f), f & FIELD_NUMBER ? FIELD_VALUE[0]! : NaN]),
      endRecord: () => {},
    });
    r.push(enc.encode('12,-3.5,0.1,007,-0,1e3,"4",abc,-,.5,5.,12a,1234567890123456789\n'));
    r.end();
    const plain = seen.filter(([, n]) => !Number.isNaN(n));
    expect(plain.map(([t]) => t)).toEqual(['12', '-3.5', '0.1', '007', '-0', '.5', '5.']);
    for (const [t, n] of plain) expect(Object.is(n, parseNumberText(t))).toBe(true);
  });

  it('property: the pre-parsed value always equals parseNumberBytes', () => {
    const unit = fc.constantFrom('0', '1', '5', '9', '.', '-', 'e', 'x');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, maxLength: 10 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (cells, size) => {
          const bytes = enc.encode(cells.join(',') + '\n');
          const r = new CsvReader({
            field: (_c, b, s, e, f) => {
              if (f & FIELD_NUMBER) expect(Object.is(FIELD_VALUE[0], parseNumberBytes(b, s, e))).toBe(true);
            },
            endRecord: () => {},
          });
          for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
          r.end();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a number inside a larger buffer by range', () => {
    const b = enc.encode('xx123.25yy');
    expect(parseNumberBytes(b, 2, 8)).toBe(123.25);
  });
});
