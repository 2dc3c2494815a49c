/**
 * 标准地项目对标验收报告: one A4 page per acceptance (pdfkit, the shared CJK document) — the project, each committed
 * indicator against its actual value with where the value came from, the verdict, and the consequences (整改期限,
 * 违约金). The footer names the acceptance, its data year and the control table's source, so it can be re-derived.
 */
import { and, eq } from 'drizzle-orm';
import { projectAcceptances, projectStages } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { VERDICTS } from '../../domain/projects/commitments.js';
import { INVESTOR_FLAGS } from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { cjkDocument, findPdfFont, fmtNum, fontMissing, FOOTER_Y, GRAY, LEFT, LIGHT, RIGHT, section, text, WIDTH } from '../pdf/document.js';
import { getProject } from './read.js';
import { projectSettings } from './settings.js';

const VERDICT_COLOR = { pass: '#1f8a3b', fail: '#c0392b', incomplete: '#d48806' } as const;

export async function acceptanceReportPdf(ctx: Ctx, projectId: string, acceptanceId: string): Promise<{ fileName: string; pdf: Buffer }> {
  requirePermission(ctx, 'projects.read');
  const font = findPdfFont();
  if (!font) throw fontMissing();
  const p = await getProject(ctx, projectId); // 404 outside the reader's scope
  const [a] = await ctx.db
    .select()
    .from(projectAcceptances)
    .where(and(eq(projectAcceptances.id, acceptanceId), eq(projectAcceptances.projectId, projectId)));
  if (!a) throw notFound('验收记录');
  const s = await projectSettings(ctx.db);
  const [producing] = await ctx.db
    .select({ on: projectStages.actualOn })
    .from(projectStages)
    .where(and(eq(projectStages.projectId, projectId), eq(projectStages.stage, 'producing')));
  const { doc, done } = cjkDocument('标准地项目对标验收报告', font);
  let y = 36;
  text(doc, '标准地项目对标验收报告', LEFT, y, { size: 20, bold: true, width: WIDTH, align: 'center' });
  y += 28;
  text(doc, `${a.year} 年度数据 · 验收日期 ${localDate(a.createdAt)}`, LEFT, y, { size: 9, color: GRAY, width: WIDTH, align: 'center' });
  y += 16;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.8).strokeColor('#999999').stroke();
  y += 10;
  text(doc, p.name, LEFT, y, { size: 15, bold: true, width: 380 });
  const verdict = a.result.verdict;
  doc.roundedRect(RIGHT - 110, y - 2, 110, 44, 4).fill(VERDICT_COLOR[verdict]);
  text(doc, VERDICTS[verdict].zh, RIGHT - 110, y + 10, { size: 18, bold: true, color: '#ffffff', width: 110, align: 'center' });
  y += 24;
  const facts: [string, string][] = [
    ['项目编号', p.number],
    ['投资方', p.investorName],
    ['统一社会信用代码', p.investorUscc ?? '—'],
    ['投资方类型', p.investorFlags.map((f) => INVESTOR_FLAGS[f].zh).join('、') || '—'],
    ['行业代码', p.industryCode ?? '—'],
    ['用地面积', p.landMu != null ? `${fmtNum(p.landMu)} 亩` : '—'],
    ['总投资 / 固定资产投资', `${fmtNum(p.totalInvestment)} / ${fmtNum(p.fixedInvestment)} 万元`],
    ['供地（承诺）日期', p.commitmentsOn ?? '—'],
    ['投产日期', producing?.on ?? '—'],
    ['责任单位 / 包抓领导', `${p.leadUnitName} / ${p.leaderName ?? '—'}`],
  ];
  for (const [k, v] of facts) {
    text(doc, k, LEFT, y, { size: 9, color: GRAY, width: 120 });
    text(doc, v, LEFT + 120, y, { size: 9, width: 260 });
    y += 14;
  }
  y += 8;
  y = section(doc, '指标对标', y);
  const cols = [
    { h: '控制指标', w: 130 },
    { h: '单位', w: 70 },
    { h: '承诺值', w: 60 },
    { h: '实际值', w: 60 },
    { h: '来源', w: 50 },
    { h: '结论', w: 55 },
    { h: '差距', w: WIDTH - 425 },
  ];
  doc.rect(LEFT, y, WIDTH, 16).fill(LIGHT);
  let x = LEFT;
  for (const c of cols) {
    text(doc, c.h, x + 3, y + 4, { size: 8.5, bold: true, width: c.w - 6 });
    x += c.w;
  }
  y += 18;
  for (const i of a.result.indicators) {
    const cells = [
      `${i.name}（${i.direction === 'min' ? '不低于' : '不高于'}）`,
      i.unit || '—',
      fmtNum(i.committed),
      fmtNum(i.actual),
      i.from === 'data' ? '亩均数据' : i.from === 'entered' ? '录入' : '—',
      VERDICTS[i.verdict].zh,
      i.shortfall ? `${fmtNum(i.shortfall)}（${fmtNum((i.shortfallRatio ?? 0) * 100)}%）` : i.verdict === 'pass' ? '—' : '数据缺失',
    ];
    x = LEFT;
    cells.forEach((c, k) => {
      text(doc, c, x + 3, y + 2, { size: 8.5, width: cols[k]!.w - 6, color: k === 5 ? VERDICT_COLOR[i.verdict] : '#000000' });
      x += cols[k]!.w;
    });
    y += 15;
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
    y += 2;
  }
  y += 12;
  y = section(doc, '验收结论与处理', y);
  const lines =
    verdict === 'pass'
      ? ['各项控制指标均达到承诺值，验收通过。']
      : verdict === 'incomplete'
        ? ['部分指标缺少实际值，待补充数据或现场核实后重新验收。']
        : [
            `共 ${a.result.failed} 项指标未达到承诺值，验收未通过。`,
            `整改期限：${a.rectifyBy ?? '—'} 前完成整改，期满重新验收。`,
            a.result.penalty !== null ? `违约金：按约定计 ${fmtNum(a.result.penalty)} 万元。` : '违约金：按投资协议约定执行。',
            '未达标期间按亩均评价结果执行差别化政策。',
          ];
  for (const l of lines) {
    text(doc, l, LEFT, y, { size: 10, width: WIDTH });
    y += 16;
  }
  text(
    doc,
    `验收记录 ${a.id} · 数据年度 ${a.year} · 控制指标依据：${s.controlTable.source} · 验收人 ${a.decidedByName}`,
    LEFT,
    FOOTER_Y,
    { size: 7, color: GRAY, width: WIDTH },
  );
  doc.end();
  return { fileName: `对标验收报告-${p.name}-${a.year}.pdf`, pdf: await done };
}
