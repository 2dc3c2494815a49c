import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_HINTS } from '../../demo/unit-hints.js';
import { AppError } from '../../domain/errors.js';
import { parseMeetingReport } from '../../domain/meetings/parser.js';
import { decodeText, extensionOf, readReport } from './read-report.js';

const DOCX_STYLE = readFileSync(new URL('../../domain/meetings/fixtures/docx-style.txt', import.meta.url), 'utf8');
const parse = (text: string) =>
  parseMeetingReport(text, { publicationYear: 2023, today: '2026-05-01', unitHints: DEFAULT_UNIT_HINTS });

/** A Word document with one paragraph per line. */
async function docxOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return Packer.toBuffer(doc);
}

/** “2月11日，区政府召开党组会议，区长邱伟主持。会议要求，一是要加快项目建设；二是要抓紧出台促进消费的若干举措。” in GB18030. */
const GB18030_HEX =
  '32d4c23131c8d5a3acc7f8d5feb8aed5d9bfaab5b3d7e9bbe1d2e9a3acc7f8b3a4c7f1ceb0d6f7b3d6a1a3bbe1d2e9d2aac7f3a3acd2bbcac7d2aa' +
  'bcd3bfeccfeec4bfbda8c9e8a3bbb6fecac7d2aad7a5bdf4b3f6cca8b4d9bdf8cffbb7d1b5c4c8f4b8c9bed9b4eba1a3';
const GB18030_TEXT =
  '2月11日，区政府召开党组会议，区长邱伟主持。会议要求，一是要加快项目建设；二是要抓紧出台促进消费的若干举措。';

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('reading an uploaded report', () => {
  it('reads UTF-8 text, dropping a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('会议要求，要加快项目建设。')]);
    expect(await readReport(bytes, '报道.txt')).toBe('会议要求，要加快项目建设。');
  });

  it('falls back to GB18030 when the text is not valid UTF-8', async () => {
    const bytes = Buffer.from(GB18030_HEX, 'hex');
    const text = await readReport(bytes, 'report.TXT');
    expect(text).toBe(GB18030_TEXT);
    const r = parse(text);
    expect(r.groups[0]?.directives.map((d) => d.marker)).toEqual(['一是', '二是']);
    expect(r.groups[0]?.directives[1]?.tasks[0]?.suggestedUnitCode).toBe('SWJ');
    expect(r.meeting.chair).toBe('邱伟');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('会议要求', 'utf16le')]);
    expect(decodeText(le)).toBe('会议要求');
  });

  it('reads a .docx, one line per paragraph, and parses it like the text', async () => {
    const lines = DOCX_STYLE.split(/\r?\n/);
    const text = await readReport(await docxOf(lines), '安澜区常务会议.docx');
    expect(text).toContain('【安澜区人民政府网】');
    expect(text).toContain('一、着力提升城市精细化管理水平\n');
    const fromDocx = parse(text);
    const fromText = parse(DOCX_STYLE);
    expect(fromDocx.groups.map((g) => g.directives.map((d) => d.marker))).toEqual([['一', '二', '三']]);
    const strip = (s: string) => s.replace(/\s/g, '');
    const tasks = (r: typeof fromText) => r.groups.flatMap((g) => g.directives.flatMap((d) => d.tasks.map((k) => strip(k.text))));
    expect(tasks(fromDocx)).toEqual(tasks(fromText));
    expect(fromDocx.meeting).toMatchObject({ date: '2023-05-11', kind: '常务会议', chair: '沈知远' });
    for (const d of fromDocx.groups[0]?.directives ?? []) expect(text.slice(d.span.start, d.span.end)).toBe(d.text);
  });

  it('refuses a .docx it cannot read', async () => {
    const e = await appErrorOf(readReport(Buffer.from('这不是一个 Word 文件'), '坏文件.docx'));
    expect(e.code).toBe('REPORT_UNREADABLE');
    expect(e.message).toContain('无法读取 Word 文件“坏文件.docx”');
  });

  it('refuses other file types with a Chinese message', async () => {
    expect((await appErrorOf(readReport(Buffer.from('x'), 'a.pdf'))).message).toContain('不支持的文件类型“.pdf”');
    expect((await appErrorOf(readReport(Buffer.from('x'), 'a.doc'))).message).toContain('另存为 .docx');
    expect((await appErrorOf(readReport(Buffer.from('x'), 'README'))).code).toBe('REPORT_UNSUPPORTED');
  });

  it('knows extensions', () => {
    expect(extensionOf('/tmp/会议.DOCX')).toBe('.docx');
    expect(extensionOf('C:\\报道\\a.b.txt')).toBe('.txt');
    expect(extensionOf('.txt')).toBe('');
  });
});
