/**
 * PDF documents with Chinese text (pdfkit), shared by every printable report (亩均效益体检报告, 对标验收报告): the CJK
 * font, an A4 document with it registered, and the small layout helpers.
 *
 * Chinese needs a CJK font on the server: `LUOSHI_PDF_FONT` (a .ttf/.otf/.ttc path, `path#PostScriptName` for a face
 * of a collection), else Noto Sans CJK / Source Han / WenQuanYi in the usual Debian paths, else what `fc-list :lang=zh`
 * finds. Without one a PDF answers 503 and the web app's printable page is the way to print.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../domain/errors.js';

// ---- the font ----------------------------------------------------------------------------------------------------

export interface FontFace {
  path: string;
  /** the PostScript name of the face inside a collection (.ttc) */
  face?: string;
}
export interface PdfFont {
  regular: FontFace;
  bold: FontFace;
}

const NOTO = '/usr/share/fonts/opentype/noto';
const CANDIDATES: [FontFace, FontFace | null][] = [
  [
    { path: `${NOTO}/NotoSansCJK-Regular.ttc`, face: 'NotoSansCJKsc-Regular' },
    { path: `${NOTO}/NotoSansCJK-Bold.ttc`, face: 'NotoSansCJKsc-Bold' },
  ],
  [
    { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  ],
  [
    { path: '/usr/share/fonts/opentype/noto/NotoSansSC-Regular.otf' },
    { path: '/usr/share/fonts/opentype/noto/NotoSansSC-Bold.otf' },
  ],
  [
    { path: '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf' },
    { path: '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Bold.otf' },
  ],
  [
    { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, face: 'NotoSerifCJKsc-Regular' },
    { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, face: 'NotoSerifCJKsc-Bold' },
  ],
  [{ path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' }, null],
  [{ path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' }, null],
];

function parseFaceSpec(spec: string): FontFace {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? { path: spec.slice(0, hash), face: spec.slice(hash + 1) } : { path: spec };
}

/** What `fc-list :lang=zh` offers (simplified Chinese faces first); empty when fontconfig is not installed. */
function fcListFace(): FontFace | null {
  try {
    const out = execFileSync('fc-list', ['-f', '%{file}\t%{postscriptname}\n', ':lang=zh'], { encoding: 'utf8', timeout: 3000 });
    const faces = out
      .split('\n')
      .map((l) => l.split('\t'))
      .filter(([file]) => file && /\.(ttf|otf|ttc)$/i.test(file) && existsSync(file))
      .map(([file, ps]) => ({ path: file!, face: ps?.split(',')[0] || undefined }));
    const rank = (f: FontFace) =>
      (/sc|cn|hans|wenquanyi/i.test(f.face ?? f.path) ? 0 : 1) + (/bold/i.test(f.face ?? f.path) ? 2 : 0);
    return faces.sort((a, b) => rank(a) - rank(b))[0] ?? null;
  } catch {
    return null;
  }
}

let found: PdfFont | null = null;

/** The CJK font for the reports, or null when the server has none (looked up again until one is found). */
export function findPdfFont(env: NodeJS.ProcessEnv = process.env): PdfFont | null {
  if (found) return found;
  const spec = env.LUOSHI_PDF_FONT?.trim();
  if (spec) {
    const f = parseFaceSpec(spec);
    if (existsSync(f.path)) return (found = { regular: f, bold: f });
  }
  for (const [regular, bold] of CANDIDATES)
    if (existsSync(regular.path)) return (found = { regular, bold: bold && existsSync(bold.path) ? bold : regular });
  const fc = fcListFace();
  return fc ? (found = { regular: fc, bold: fc }) : null;
}

export const fontMissing = () =>
  new AppError(
    503,
    'PDF_FONT_MISSING',
    '服务器未安装中文字体，暂时无法生成 PDF 报告。请使用页面上的“打印”功能，或请管理员安装中文字体（如 Debian 的 fonts-noto-cjk）或设置 LUOSHI_PDF_FONT 后重试',
  );

const fontBytes = new Map<string, Buffer>();
function bytesOf(path: string): Buffer {
  let b = fontBytes.get(path);
  if (!b) {
    b = readFileSync(path);
    fontBytes.set(path, b);
  }
  return b;
}

export const PAGE_W = 595.28;
export const LEFT = 40;
export const RIGHT = PAGE_W - 40;
export const WIDTH = RIGHT - LEFT;
export const FOOTER_Y = 796;
export const GRAY = '#666666';
export const LIGHT = '#e8e8e8';

/** A readable number: 1,234.5 / 12.35 / 0.0302; '—' when missing. */
export function fmtNum(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const dp = a >= 1000 ? 1 : a >= 1 ? 2 : a === 0 ? 0 : Math.min(6, 3 - Math.floor(Math.log10(a)));
  return x.toLocaleString('zh-CN', { maximumFractionDigits: dp, minimumFractionDigits: 0 });
}


export type Doc = PDFKit.PDFDocument;

/** CJK fonts lack subscript digits (吨CO₂): written as plain digits. */
export const printable = (s: string) => s.replace(/[\u2080-\u2089]/g, (c) => String(c.charCodeAt(0) - 0x2080));


/** An A4 document with the CJK font registered as 'cjk' / 'cjk-bold' and a first page; `done` resolves to the bytes. */
export function cjkDocument(title: string, font: PdfFont): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 36, left: LEFT, right: 40, bottom: 10 },
    autoFirstPage: false,
    info: { Title: title, Creator: 'Luoshi 落实', Producer: 'Luoshi 落实' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont('cjk', bytesOf(font.regular.path), font.regular.face as string);
    doc.registerFont('cjk-bold', bytesOf(font.bold.path), font.bold.face as string);
    doc.addPage();
    doc.font('cjk'); // fails here when the file is not a usable font
  } catch {
    doc.end();
    throw fontMissing();
  }
  return { doc, done };
}

export function text(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  opts: PDFKit.Mixins.TextOptions & { size?: number; bold?: boolean; color?: string } = {},
) {
  const { size = 9, bold = false, color = '#000000', ...rest } = opts;
  doc
    .font(bold ? 'cjk-bold' : 'cjk')
    .fontSize(size)
    .fillColor(color)
    .text(printable(s), x, y, { lineBreak: false, ellipsis: true, height: size * 1.5, ...rest });
}

export function section(doc: Doc, title: string, y: number): number {
  doc.rect(LEFT, y + 2, 3, 11).fill('#1f5fbf');
  text(doc, title, LEFT + 8, y, { size: 11, bold: true, width: WIDTH - 8 });
  return y + 18;
}

