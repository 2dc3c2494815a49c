/** The briefing as a Word document (the `docx` package): title, 一、总体情况, 二、红黄灯事项, 三、先进与后进单位. */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { heading, p, table } from '../docx/blocks.js';
import type { Briefing, UnitRate } from './data.js';

const unitRows = (list: UnitRate[]) => list.map((u, i) => [i + 1, u.unitName, u.closed, u.closedOnTime, u.overdue, `${u.rate}%`]);
const UNIT_HEAD = ['序号', '单位', '办结', '按期办结', '逾期未办结', '按期办结率'];
const LIGHT = { red: '红灯', yellow: '黄灯' } as const;

export async function briefingDocx(b: Briefing): Promise<Buffer> {
  const s = b.summary;
  const children: (Paragraph | Table)[] = [
    p(b.title, { bold: true, center: true, size: 44 }),
    p(`（${b.from} 至 ${b.to}）`, { center: true }),
    heading('一、总体情况'),
    p(
      `截至${b.to}，全区累计交办督办事项${s.handedOut}项。本期办结${s.closed}项，其中按期办结${s.closedOnTime}项；` +
        `期末在办${s.openAtEnd}项，其中逾期${s.overdueAtEnd}项。本期亮红灯${s.red}项、黄灯${s.yellow}项。`,
    ),
    heading('二、红黄灯事项'),
  ];
  if (!b.redYellow.length) children.push(p('本期无红灯、黄灯事项。'));
  for (const [i, g] of b.redYellow.entries()) {
    children.push(p(`（${'一二三四五六七八九十'[i] ?? i + 1}）${g.unitName}（${g.items.length}项）`, { bold: true }));
    children.push(
      table(
        ['序号', '事项编号', '事项', '预警', '完成时限', '状态'],
        g.items.map((it, k) => [k + 1, it.number, it.title, LIGHT[it.light], it.deadline, it.status]),
      ),
    );
  }
  children.push(heading('三、先进与后进单位'));
  children.push(p('按期办结率 = 本期按期办结事项 ÷（本期办结事项 + 期末逾期未办结事项）。'));
  children.push(p('按期办结率前五位的单位：', { bold: true }));
  children.push(b.top.length ? table(UNIT_HEAD, unitRows(b.top)) : p('无。'));
  children.push(p('按期办结率后五位的单位：', { bold: true }));
  children.push(b.bottom.length ? table(UNIT_HEAD, unitRows(b.bottom)) : p('无。'));
  const doc = new Document({ creator: 'Luoshi', title: b.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
