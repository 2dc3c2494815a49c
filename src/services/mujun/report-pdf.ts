/**
 * 亩均效益体检报告: one A4 page per enterprise (pdfkit), for one enterprise or every enterprise of a town. The page
 * shows the class, total and rank, the four heroes as bars against the group's mean, the indicators with the benchmark
 * applied, adjustments and vetoes, the years, what would move it up one class and the class's policies; the footer
 * names the run and its input's SHA-256, so the page can be re-derived.
 *
 * Chinese needs a CJK font on the server: `LUOSHI_PDF_FONT` (a .ttf/.otf/.ttc path, `path#PostScriptName` for a face
 * of a collection), else Noto Sans CJK / Source Han / WenQuanYi in the usual Debian paths, else what `fc-list :lang=zh`
 * finds. Without one the PDF answers 503 and the web app's printable page is the way to print.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../domain/errors.js';
import { HEROES } from '../../domain/mujun/scheme.js';
import { localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { POLICY_CATEGORY_LABELS, type PolicyCategory } from './policies.js';
import { HERO_LABELS, STATUS_LABELS } from './results/common.js';
import { divisionLabel } from './results/divisions.js';
import { enterpriseDetail, townDetails, type EnterpriseDetail } from './results/enterprise.js';

/** At most this many pages in one batch PDF. */
export const BATCH_LIMIT = 1000;

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
    '服务器未安装中文字体，暂时无法生成 PDF 报告。请使用企业画像页面的“打印”功能，或请管理员安装中文字体（如 Debian 的 fonts-noto-cjk）或设置 LUOSHI_PDF_FONT 后重试',
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

// ---- services ----------------------------------------------------------------------------------------------------

/** One enterprise's report; 404 outside the actor's scope, 503 without a CJK font. */
export async function enterpriseReportPdf(ctx: Ctx, runId: string, uscc: string): Promise<{ fileName: string; pdf: Buffer }> {
  requirePermission(ctx, 'mujun.read');
  const font = findPdfFont();
  if (!font) throw fontMissing();
  const d = await enterpriseDetail(ctx, runId, uscc);
  return { fileName: `亩均效益体检报告-${d.result.name}-${d.run.year}.pdf`, pdf: await renderReports([d], font) };
}

/** Every enterprise of a town (inside the actor's scope), one page each. */
export async function townReportsPdf(ctx: Ctx, runId: string, town: string): Promise<{ fileName: string; pdf: Buffer }> {
  requirePermission(ctx, 'mujun.read');
  const font = findPdfFont();
  if (!font) throw fontMissing();
  const details = await townDetails(ctx, runId, town, BATCH_LIMIT);
  return { fileName: `亩均效益体检报告-${town}-${details[0]!.run.year}.pdf`, pdf: await renderReports(details, font) };
}

// ---- the page ----------------------------------------------------------------------------------------------------

const PAGE_W = 595.28;
const LEFT = 40;
const RIGHT = PAGE_W - 40;
const WIDTH = RIGHT - LEFT;
const FOOTER_Y = 796;
const GRAY = '#666666';
const LIGHT = '#e8e8e8';
const CLASS_COLOR: Record<string, string> = { A: '#1f8a3b', B: '#1f5fbf', C: '#d48806', D: '#c0392b' };
const SCALE_LABEL: Record<string, string> = { above: '规上', below: '规下' };

/** A readable number: 1,234.5 / 12.35 / 0.0302; '—' when missing. */
export function fmtNum(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const dp = a >= 1000 ? 1 : a >= 1 ? 2 : a === 0 ? 0 : Math.min(6, 3 - Math.floor(Math.log10(a)));
  return x.toLocaleString('zh-CN', { maximumFractionDigits: dp, minimumFractionDigits: 0 });
}

export async function renderReports(details: readonly EnterpriseDetail[], font: PdfFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 36, left: LEFT, right: 40, bottom: 10 },
    autoFirstPage: false,
    info: { Title: '亩均效益体检报告', Creator: 'Luoshi 落实', Producer: 'Luoshi 落实' },
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
  details.forEach((d, i) => {
    if (i > 0) doc.addPage();
    page(doc, d);
  });
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

/** CJK fonts lack subscript digits (吨CO₂): written as plain digits. */
const printable = (s: string) => s.replace(/[\u2080-\u2089]/g, (c) => String(c.charCodeAt(0) - 0x2080));

function text(
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

function section(doc: Doc, title: string, y: number): number {
  doc.rect(LEFT, y + 2, 3, 11).fill('#1f5fbf');
  text(doc, title, LEFT + 8, y, { size: 11, bold: true, width: WIDTH - 8 });
  return y + 18;
}

function page(doc: Doc, d: EnterpriseDetail): void {
  const r = d.result;
  let y = 36;
  text(doc, '亩均效益体检报告', LEFT, y, { size: 20, bold: true, width: WIDTH, align: 'center' });
  y += 28;
  text(doc, `${d.run.schemeName} · ${d.run.year} 年度第 ${d.run.version} 版`, LEFT, y, {
    size: 9,
    color: GRAY,
    width: WIDTH,
    align: 'center',
  });
  y += 16;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.8).strokeColor('#999999').stroke();
  y += 10;

  // the enterprise (left) and its class (right)
  const top = y;
  text(doc, r.name, LEFT, y, { size: 15, bold: true, width: 360 });
  y += 24;
  const facts: [string, string][] = [
    ['统一社会信用代码', r.uscc],
    ['乡镇街道', r.town ?? '—'],
    ['所属行业', r.industry ? `${r.industry}（${divisionLabel(r.industry.slice(0, 3))}）` : '—'],
    ['企业规模', r.scale ? (SCALE_LABEL[r.scale] ?? r.scale) : '—'],
    ['评价分组', d.group?.name ?? '—'],
    ['评价状态', STATUS_LABELS[r.status] ?? r.status],
  ];
  const landlord = d.input?.['landlord_uscc'];
  if (r.status === 'tenant' && landlord) facts.push(['出租方信用代码', String(landlord)]);
  for (const [k, v] of facts) {
    text(doc, k, LEFT, y, { width: 90, color: GRAY });
    text(doc, v, LEFT + 92, y, { width: 270 });
    y += 13.5;
  }
  const boxX = RIGHT - 150;
  const color = (r.class && CLASS_COLOR[r.class]) || '#555555';
  doc.roundedRect(boxX, top, 150, 104, 6).lineWidth(1.5).strokeColor(color).stroke();
  text(doc, '评价档次', boxX, top + 6, { width: 150, align: 'center', color: GRAY });
  text(doc, r.class ?? '未定档', boxX, top + 18, {
    size: r.class && r.class.length <= 2 ? 40 : 20,
    bold: true,
    width: 150,
    align: 'center',
    color,
  });
  text(doc, `综合得分 ${r.total === null ? '—' : r.total.toFixed(2)}`, boxX, top + 70, { size: 10, width: 150, align: 'center' });
  const n = d.group?.n ?? null;
  text(doc, r.rank === null ? '不参与排名' : `组内排名 ${r.rank} / ${n ?? '—'}`, boxX, top + 85, {
    size: 10,
    width: 150,
    align: 'center',
  });
  y = Math.max(y, top + 110) + 6;

  // the four heroes: bar = score / hero weight sum; the thin mark is the group's mean
  y = section(doc, '四项英雄得分（竖线为组内平均）', y);
  if (r.status !== 'scored') {
    text(doc, `${STATUS_LABELS[r.status] ?? r.status}，不参与评分`, LEFT, y, { width: WIDTH });
    y += 14;
  } else
    HEROES.forEach((h, i) => {
      const score = d.radar.enterprise[i] ?? 0;
      const max = d.radar.max[i] ?? 0;
      const mean = d.radar.groupMean[i] ?? 0;
      const barX = LEFT + 50;
      const barW = 300;
      text(doc, HERO_LABELS[h], LEFT, y, { size: 10, width: 45 });
      doc.rect(barX, y + 1, barW, 10).fill(LIGHT);
      if (max > 0) {
        doc.rect(barX, y + 1, (barW * Math.min(Math.max(score, 0), max)) / max, 10).fill(color);
        const mx = barX + (barW * Math.min(Math.max(mean, 0), max)) / max;
        doc
          .moveTo(mx, y - 1)
          .lineTo(mx, y + 13)
          .lineWidth(1.2)
          .strokeColor('#222222')
          .stroke();
      }
      const label = max > 0 ? `${fmtNum(score)} / ${fmtNum(max)} 分（组均 ${fmtNum(mean)}）` : '本组无该项指标';
      text(doc, label, barX + barW + 10, y, { width: RIGHT - barX - barW - 10 });
      y += 16;
    });
  y += 4;

  // the indicators
  y = section(doc, '指标明细', y);
  const cols = [
    { h: '指标', w: 150, align: 'left' as const },
    { h: '数值', w: 75, align: 'right' as const },
    { h: '单位', w: 80, align: 'left' as const },
    { h: '基准值', w: 75, align: 'right' as const },
    { h: '得分 / 权重', w: 95, align: 'right' as const },
    { h: '维度', w: 40, align: 'center' as const },
  ];
  const row = (cells: string[], bold = false, fill?: string) => {
    if (fill) doc.rect(LEFT, y - 2, WIDTH, 14).fill(fill);
    let x = LEFT;
    cells.forEach((c, k) => {
      text(doc, c, x + 3, y, { width: cols[k]!.w - 6, align: cols[k]!.align, bold });
      x += cols[k]!.w;
    });
    y += 14;
  };
  row(
    cols.map((c) => c.h),
    true,
    LIGHT,
  );
  const inds = d.group?.indicators ?? [];
  if (inds.length === 0) row(['（不参与评分，无指标明细）', '', '', '', '', '']);
  for (const ind of inds) {
    if (y > 560) {
      row([`……另有 ${inds.length - inds.indexOf(ind)} 项指标，见网页版`, '', '', '', '', '']);
      break;
    }
    const v = r.indicators[ind.id];
    row([
      `${ind.name}${ind.direction === 'lower' ? '（越低越好）' : ''}`,
      fmtNum(v?.value),
      ind.unit ?? '',
      fmtNum(ind.benchmark),
      `${fmtNum(v?.score ?? (r.status === 'scored' ? 0 : null))} / ${fmtNum(ind.weight)}`,
      HERO_LABELS[ind.hero],
    ]);
  }
  y += 2;
  const adj = r.adjustments.map((a) => `${a.name} ${a.points > 0 ? '+' : ''}${fmtNum(a.points)} 分`);
  const vetoes = r.vetoDetails.map((v) => `${v.name}（定为 ${v.class} 档）`);
  text(doc, `加减分：${adj.length ? adj.join('；') : '无'}`, LEFT, y, { width: WIDTH });
  y += 13;
  text(doc, `否决项：${vetoes.length ? vetoes.join('；') : '无'}`, LEFT, y, {
    width: WIDTH,
    color: vetoes.length ? '#c0392b' : '#000000',
  });
  y += 18;

  // the years
  y = section(doc, '历年评价', y);
  const years = d.trend.length
    ? d.trend
        .map(
          (t) =>
            `${t.year} 年：${t.class ?? '未定档'}${t.total !== null ? `，${t.total.toFixed(2)} 分` : ''}${t.rank !== null ? `，第 ${t.rank}${t.n ? `/${t.n}` : ''} 名` : ''}`,
        )
        .join('    ')
    : '暂无';
  text(doc, years, LEFT, y, { width: WIDTH });
  y += 18;

  // what would move it up
  y = section(doc, '提档测算（其他条件不变，单项指标需达到的数值）', y);
  const u = d.uplift;
  if (u.nextClass === null) {
    text(doc, u.note ?? '无', LEFT, y, { width: WIDTH });
    y += 14;
  } else {
    text(doc, `距 ${u.nextClass} 档还差 ${fmtNum(u.neededPoints)} 分，单独改善下列任一指标即可升档：`, LEFT, y, { width: WIDTH });
    y += 14;
    const possible = u.items.filter((it) => it.possible);
    if (possible.length === 0) {
      text(doc, '单项指标提升均不足以升档，需多项指标共同提升。', LEFT + 10, y, { width: WIDTH - 10 });
      y += 13;
    }
    for (const it of possible.slice(0, 6)) {
      const unit = it.unit ? ` ${it.unit}` : '';
      const line =
        it.current === null
          ? `${it.name}：目前缺少数据，需达到 ${fmtNum(it.target)}${unit} → ${u.nextClass} 档`
          : `${it.name}：${fmtNum(it.current)} → ${fmtNum(it.target)}${unit}（${(it.delta ?? 0) >= 0 ? '+' : ''}${fmtNum(it.delta)}${unit}）→ ${u.nextClass} 档`;
      text(doc, `· ${line}`, LEFT + 10, y, { width: WIDTH - 10 });
      y += 13;
    }
  }
  y += 5;

  // the class's policies
  y = section(doc, `${r.class ?? ''}${r.class ? ' 档' : ''}企业适用的差别化政策`, y);
  if (d.policies.length === 0) {
    text(doc, r.class ? '暂未设置该档次的政策措施' : '未定档，不适用差别化政策', LEFT, y, { width: WIDTH });
    y += 13;
  }
  for (const [k, p] of d.policies.entries()) {
    if (y > FOOTER_Y - 26) {
      text(doc, `……另有 ${d.policies.length - k} 条，见网页版`, LEFT + 10, y, { width: WIDTH - 10, color: GRAY });
      break;
    }
    const cat = POLICY_CATEGORY_LABELS[p.category as PolicyCategory] ?? p.category;
    text(doc, `· 【${cat}】${p.measure}${p.department ? `（${p.department}）` : ''}`, LEFT + 10, y, { width: WIDTH - 10 });
    y += 13;
  }

  // footer: what re-derives this page
  doc
    .moveTo(LEFT, FOOTER_Y - 4)
    .lineTo(RIGHT, FOOTER_Y - 4)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke();
  text(doc, `评价批次 ${d.run.id}　输入数据 SHA-256 ${d.run.inputSha256}`, LEFT, FOOTER_Y, {
    size: 6.5,
    color: GRAY,
    width: WIDTH,
  });
  text(
    doc,
    `本报告由该批次保存的评价方案和输入数据生成，可据此复核；批次生成于 ${localDate(d.run.createdAt)}。如对数据有异议，可在系统中提出申诉。`,
    LEFT,
    FOOTER_Y + 10,
    { size: 6.5, color: GRAY, width: WIDTH },
  );
}
