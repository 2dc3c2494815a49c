/**
 * 亩均效益体检报告: one A4 page per enterprise (pdfkit), for one enterprise or every enterprise of a town. The page
 * shows the class, total and rank, the four heroes as bars against the group's mean, the indicators with the benchmark
 * applied, adjustments and vetoes, the years, what would move it up one class and the class's policies; the footer
 * names the run and its input's SHA-256, so the page can be re-derived.
 * The font and layout helpers are shared with every printable report (src/services/pdf/document.ts).
 */
import {
  cjkDocument,
  findPdfFont,
  fmtNum,
  fontMissing,
  FOOTER_Y,
  GRAY,
  LEFT,
  LIGHT,
  RIGHT,
  section,
  text,
  WIDTH,
  type Doc,
  type PdfFont,
} from '../pdf/document.js';
import { HEROES } from '../../domain/mujun/scheme.js';
import { localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { POLICY_CATEGORY_LABELS, type PolicyCategory } from './policies.js';
import { HERO_LABELS, STATUS_LABELS } from './results/common.js';
import { divisionLabel } from './results/divisions.js';
import { enterpriseDetail, townDetails, type EnterpriseDetail } from './results/enterprise.js';

/** At most this many pages in one batch PDF. */
export const BATCH_LIMIT = 1000;
export { findPdfFont, fmtNum };

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

const CLASS_COLOR: Record<string, string> = { A: '#1f8a3b', B: '#1f5fbf', C: '#d48806', D: '#c0392b' };
const SCALE_LABEL: Record<string, string> = { above: '规上', below: '规下' };

export async function renderReports(details: readonly EnterpriseDetail[], font: PdfFont): Promise<Buffer> {
  const { doc, done } = cjkDocument('亩均效益体检报告', font);
  details.forEach((d, i) => {
    if (i > 0) doc.addPage();
    page(doc, d);
  });
  doc.end();
  return done;
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
