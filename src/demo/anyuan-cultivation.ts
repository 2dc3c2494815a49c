/**
 * The demo district's cultivation tiers (培育库): one invented reading of the "1231511 工业培育计划" that the founding
 * meeting names without defining. Illustrative only — the thresholds are scaled to the demo data (its largest firm has
 * about 7亿元 of revenue), not taken from any policy document; the screens show them with 示例. Revenue is in 万元.
 */
import type { TierDef } from '../domain/cultivation/tiers.js';

/** A tier of the demo with its owner unit as a unit code (resolved to the unit's id when the demo is loaded). */
export type DemoTier = Omit<TierDef, 'ownerUnitId'> & { ownerUnitCode: string };

export const DEMO_CULTIVATION_NOTE =
  '示例：“1231511 工业培育计划”的一种读法——培育 1 家领军企业、2 家龙头企业、3 家骨干企业、15 家成长企业和 11 家小升规后备企业。' +
  '档次门槛按演示数据的规模设定（营业收入，万元），并非正式政策口径，请按本地计划修改。';

const every = (count: number) => [
  { year: 2021, count },
  { year: 2022, count },
];

export const DEMO_CULTIVATION_TIERS: readonly DemoTier[] = [
  {
    id: 'leader',
    name: '领军企业（营收 7 亿元以上）',
    order: 1,
    rule: 'revenue >= 70000',
    threshold: { field: 'revenue', value: 70000 },
    targets: every(1),
    ownerUnitCode: 'GXJ',
  },
  {
    id: 'dragon-head',
    name: '龙头企业（营收 6.5 亿元以上）',
    order: 2,
    rule: 'revenue >= 65000',
    threshold: { field: 'revenue', value: 65000 },
    targets: every(2),
    ownerUnitCode: 'GXJ',
  },
  {
    id: 'backbone',
    name: '骨干企业（营收 5.5 亿元以上）',
    order: 3,
    rule: 'revenue >= 55000',
    threshold: { field: 'revenue', value: 55000 },
    targets: every(3),
    ownerUnitCode: 'GXJ',
  },
  {
    id: 'growth',
    name: '成长企业（营收 4 亿元以上，亩均非 D 类）',
    order: 4,
    rule: "revenue >= 40000 and not mujun_class == 'D'",
    threshold: { field: 'revenue', value: 40000 },
    targets: every(15),
    ownerUnitCode: 'GXJ',
  },
  {
    id: 'xiaoshenggui',
    name: '小升规后备企业（规下，营收 1900 万元以上）',
    order: 5,
    rule: "scale == 'below' and revenue >= 1900",
    threshold: { field: 'revenue', value: 1900 },
    targets: every(11),
    ownerUnitCode: 'TJJ',
  },
];
