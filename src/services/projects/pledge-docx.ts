/**
 * 标准地项目投资建设承诺书 as a Word document in the usual layout: the parties (the district government and the investor),
 * the project, each committed control indicator, the acceptance deadline, and the consequences of falling short.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { and, eq } from 'drizzle-orm';
import { projectStages } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { requirePermission, type Ctx } from '../context.js';
import { heading, p, table } from '../docx/blocks.js';
import { fmtNum } from '../pdf/document.js';
import { getSetting } from '../settings/read.js';
import { districtSetting } from '../settings/district.js';
import { getProject } from './read.js';
import { projectSettings } from './settings.js';

export async function pledgeDocx(ctx: Ctx, projectId: string): Promise<{ fileName: string; docx: Buffer }> {
  requirePermission(ctx, 'projects.read');
  const pr = await getProject(ctx, projectId); // 404 outside the reader's scope
  if (!pr.commitments) throw new AppError(409, 'CONFLICT', '项目尚未供地，还没有标准地承诺');
  const s = await projectSettings(ctx.db);
  const district = await getSetting(ctx.db, districtSetting);
  const [planned] = await ctx.db
    .select({ on: projectStages.plannedOn })
    .from(projectStages)
    .where(and(eq(projectStages.projectId, projectId), eq(projectStages.stage, 'producing')));
  const gov = district?.fullName ?? `${district?.name ?? ''}人民政府`;
  const years = s.controlTable.acceptanceYears;
  const children: (Paragraph | Table)[] = [
    p('标准地项目投资建设承诺书', { bold: true, center: true, size: 44 }),
    p(`编号：${pr.number}`, { center: true, size: 24 }),
    heading('一、承诺双方'),
    p(`甲方（受诺方）：${gov}`),
    p(`乙方（承诺方）：${pr.investorName}${pr.investorUscc ? `（统一社会信用代码：${pr.investorUscc}）` : ''}`),
    heading('二、项目基本情况'),
    p(
      `项目名称：${pr.name}；总投资 ${fmtNum(pr.totalInvestment)} 万元，其中固定资产投资 ${fmtNum(pr.fixedInvestment)} 万元；` +
        `用地面积 ${fmtNum(pr.landMu)} 亩；行业代码 ${pr.industryCode ?? '—'}；项目所在地 ${pr.placeName ?? '—'}。`,
    ),
    heading('三、控制指标承诺'),
    p(`乙方承诺项目达到以下控制指标（依据：${s.controlTable.source}）：`),
    table(
      ['序号', '控制指标', '承诺值', '单位', '说明'],
      pr.commitments.map((c, i) => [
        i + 1,
        c.name,
        `${c.direction === 'min' ? '不低于' : '不高于'} ${fmtNum(c.value)}`,
        c.unit || '—',
        c.overrideReason ? `经约定调整（区域标准 ${fmtNum(c.tableValue)}）：${c.overrideReason}` : '执行区域标准',
      ]),
    ),
    heading('四、验收时限'),
    p(
      `项目${planned?.on ? `计划于 ${planned.on} 投产` : '投产'}，投产满 ${years} 年后由甲方组织对标验收；验收所用数据以甲方亩均效益评价的部门数据为准，` +
        '数据未覆盖的指标由乙方提供证明材料并经现场核实。',
    ),
    heading('五、违约责任'),
    p(`验收未达到承诺指标的，乙方应在 ${s.controlTable.rectifyMonths} 个月内完成整改；整改期满仍未达标的，按投资协议约定承担违约责任` + (s.controlTable.penaltyFormula ? `（违约金按“${s.controlTable.penaltyFormula}”计算，其中 shortfall_ratio 为未达标比例）` : '') + '，并按亩均效益评价结果执行差别化政策。'),
    p(''),
    p(`甲方（盖章）：${gov}`),
    p(`乙方（盖章）：${pr.investorName}`),
    p(`签订日期：${pr.commitmentsOn ?? '    年  月  日'}`),
  ];
  if (s.controlTable.illustrative) children.push(p('（本承诺书控制指标为示例数据，仅供演示。）', { size: 24 }));
  const doc = new Document({ creator: 'Luoshi', title: `${pr.name} 承诺书`, sections: [{ children }] });
  return { fileName: `标准地承诺书-${pr.name}.docx`, docx: await Packer.toBuffer(doc) };
}
