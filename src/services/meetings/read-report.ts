/**
 * Turns an uploaded meeting report into text for the parser: .txt (UTF-8, else GB18030 as Chinese Windows saves it;
 * UTF-16 with a byte-order mark too) or .docx (its paragraphs, one per line, through mammoth). Nothing leaves the
 * machine.
 */
import mammoth from 'mammoth';
import { AppError } from '../../domain/errors.js';

export const REPORT_EXTENSIONS = ['.txt', '.docx'] as const;

const unsupported = (message: string) => new AppError(422, 'REPORT_UNSUPPORTED', message);

/** The lower-case extension of a file name ('' when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** A .txt file's text: UTF-16 when it starts with a byte-order mark, UTF-8 when valid (BOM dropped), else GB18030. */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** The text of an uploaded report; AppError 422 for another file type or a .docx that cannot be read. */
export async function readReport(data: Uint8Array, fileName: string): Promise<string> {
  const ext = extensionOf(fileName);
  if (ext === '.txt') return decodeText(data);
  if (ext === '.docx') {
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) })).value;
    } catch {
      throw new AppError(422, 'REPORT_UNREADABLE', `无法读取 Word 文件“${fileName}”：文件已损坏，或不是 .docx 格式`);
    }
    return text;
  }
  if (ext === '.doc' || ext === '.wps') {
    throw unsupported(`暂不支持 ${ext} 文件，请在 Word/WPS 中另存为 .docx 后再上传`);
  }
  throw unsupported(`不支持的文件类型${ext ? `“${ext}”` : ''}：请上传 .txt 或 .docx 文件，或直接粘贴会议报道文本`);
}
