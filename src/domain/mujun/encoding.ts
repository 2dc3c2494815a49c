/**
 * The text encoding of an uploaded CSV: UTF-8 (with or without BOM) or GB18030 (what Chinese Excel saves as "CSV").
 * The decision looks at the whole first chunk (up to 4 MiB, every row of a usual department file), not the header
 * alone: a header of English keys is plain ASCII in both encodings. Every later chunk is checked too; bytes that are
 * valid in neither encoding refuse the file, naming the line, instead of turning into U+FFFD.
 *
 * Pure: chunks in, UTF-8 chunks out. Chunks are split at their last LF, which is a character boundary in both
 * encodings (0x0A is never part of a multi-byte character), so each checked segment holds whole characters.
 */
import { isUtf8 } from 'node:buffer';

const LF = 0x0a;

export type CsvEncoding = 'utf8' | 'gb18030';

export const badEncodingReason = (row: number) =>
  `第 ${row} 行有无法识别的字符：文件既不是有效的 UTF-8 也不是有效的 GB18030 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传`;

function decodesAsGb18030(b: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function countLf(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(LF); i !== -1; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

export class CsvTranscoder {
  encoding: CsvEncoding | null = null;
  /** the 1-based line of the first bytes that decode in neither encoding; null while all is well */
  badRow: number | null = null;
  private carry: Uint8Array = new Uint8Array(0);
  /** LFs in the bytes already handed on */
  private lines = 0;
  private readonly gb = new TextDecoder('gb18030', { fatal: true });

  /** UTF-8 bytes for the CSV reader (possibly empty); null once the file is refused. */
  push(chunk: Uint8Array): Uint8Array | null {
    if (this.badRow !== null) return null;
    const last = chunk.lastIndexOf(LF);
    if (last === -1) {
      this.carry = this.carry.length ? concat(this.carry, chunk) : chunk.slice();
      return new Uint8Array(0);
    }
    const seg = this.carry.length ? concat(this.carry, chunk.subarray(0, last + 1)) : chunk.subarray(0, last + 1);
    const out = this.segment(seg);
    this.carry = chunk.slice(last + 1);
    return out;
  }

  /** The rest, after the last chunk. */
  end(): Uint8Array | null {
    if (this.badRow !== null) return null;
    const seg = this.carry;
    this.carry = new Uint8Array(0);
    return this.segment(seg);
  }

  /** `seg`: whole lines (or the file's end), checked and handed on as UTF-8. */
  private segment(seg: Uint8Array): Uint8Array | null {
    if (this.encoding === null) {
      if (seg.length === 0) return seg;
      this.encoding = isUtf8(seg) || !decodesAsGb18030(seg) ? 'utf8' : 'gb18030';
    }
    let out: Uint8Array;
    if (this.encoding === 'utf8') {
      if (!isUtf8(seg)) return this.refuse(seg, (l) => isUtf8(l));
      out = seg;
    } else {
      try {
        out = Buffer.from(this.gb.decode(seg), 'utf8');
      } catch {
        return this.refuse(seg, decodesAsGb18030);
      }
    }
    this.lines += countLf(seg);
    return out;
  }

  private refuse(seg: Uint8Array, ok: (line: Uint8Array) => boolean): null {
    let start = 0;
    let line = this.lines + 1;
    while (start < seg.length) {
      const nl = seg.indexOf(LF, start);
      const end = nl === -1 ? seg.length : nl + 1;
      if (!ok(seg.subarray(start, end))) break;
      start = end;
      line++;
    }
    this.badRow = line;
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
