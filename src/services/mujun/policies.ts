/**
 * 差别化政策: the measures each class of enterprise is subject to (electricity and water surcharges, land, credit,
 * awards). Everyone who reads results reads them; the evaluator replaces the whole list at once, audited before → after.
 */
import { asc, sql } from 'drizzle-orm';
import { mujunPolicies } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { validation, type FieldIssue } from '../../domain/errors.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';

export const POLICY_CATEGORIES = ['electricity', 'water', 'land', 'credit', 'award', 'other'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  electricity: '用电',
  water: '用水',
  land: '用地',
  credit: '金融信贷',
  award: '奖励扶持',
  other: '其他',
};

export interface PolicyInput {
  class: string;
  category: PolicyCategory;
  measure: string;
  department?: string | null;
  sortOrder?: number;
}

export interface Policy {
  id: string;
  class: string;
  category: PolicyCategory;
  measure: string;
  department: string | null;
  sortOrder: number;
}

export const POLICY_LIMITS = { items: 200, class: 8, measure: 500, department: 60 } as const;

/** A district's starting point, in the spirit of the published 亩均 policies (the evaluator edits them). */
export const DEFAULT_POLICIES: readonly PolicyInput[] = [
  {
    class: 'A',
    category: 'award',
    measure: '优先推荐申报各级专项资金和评优评先，给予亩均效益领跑企业奖励',
    department: '区工信局',
  },
  { class: 'A', category: 'land', measure: '优先保障新增用地指标，支持零增地技术改造', department: '区自然资源局' },
  { class: 'A', category: 'electricity', measure: '在有序用电中优先保障用电', department: '国网安源供电公司' },
  {
    class: 'A',
    category: 'credit',
    measure: '列入金融机构优质客户名单，给予信贷优先支持和利率优惠',
    department: '区金融服务中心',
  },
  { class: 'B', category: 'land', measure: '合理保障用地需求，支持通过技术改造提升亩均效益', department: '区自然资源局' },
  { class: 'B', category: 'credit', measure: '金融机构予以正常信贷支持', department: '区金融服务中心' },
  { class: 'C', category: 'electricity', measure: '执行差别化电价，加价 0.05 元/千瓦时', department: '国网安源供电公司' },
  { class: 'C', category: 'water', measure: '执行差别化水价，加价 0.3 元/立方米', department: '区水务局' },
  {
    class: 'C',
    category: 'other',
    measure: '列入提升类企业，由属地乡镇街道帮扶诊断，制定整改提升方案',
    department: '属地乡镇街道',
  },
  {
    class: 'D',
    category: 'electricity',
    measure: '执行差别化电价，加价 0.1 元/千瓦时；有序用电时优先限电',
    department: '国网安源供电公司',
  },
  { class: 'D', category: 'water', measure: '执行差别化水价，加价 0.6 元/立方米', department: '区水务局' },
  { class: 'D', category: 'land', measure: '原则上不新增用地，引导兼并重组、腾笼换鸟', department: '区自然资源局' },
  { class: 'D', category: 'credit', measure: '金融机构审慎授信，不得新增授信', department: '区金融服务中心' },
  { class: 'D', category: 'award', measure: '不得享受各类财政扶持和评优评先', department: '区工信局' },
];

const columns = {
  id: mujunPolicies.id,
  class: mujunPolicies.class,
  category: mujunPolicies.category,
  measure: mujunPolicies.measure,
  department: mujunPolicies.department,
  sortOrder: mujunPolicies.sortOrder,
};

/** All policies, by class, then their order. Without a permission check: for the services that already checked. */
export async function policyRows(db: Db): Promise<Policy[]> {
  const rows = await db
    .select(columns)
    .from(mujunPolicies)
    .orderBy(asc(mujunPolicies.class), asc(mujunPolicies.sortOrder), asc(mujunPolicies.measure));
  return rows.map((r) => ({ ...r, category: r.category as PolicyCategory }));
}

export async function listPolicies(ctx: Ctx): Promise<Policy[]> {
  requirePermission(ctx, 'mujun.read');
  return policyRows(ctx.db);
}

/** Every problem of a policy list, each naming its field (`items[2].measure`). */
export function policyProblems(items: readonly PolicyInput[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (items.length > POLICY_LIMITS.items) out.push({ field: 'items', message: `政策条目不能超过 ${POLICY_LIMITS.items} 条` });
  const seen = new Set<string>();
  items.forEach((p, i) => {
    const f = (k: string) => `items[${i}].${k}`;
    const cls = (p.class ?? '').trim();
    const measure = (p.measure ?? '').trim();
    if (!cls) out.push({ field: f('class'), message: `第 ${i + 1} 条：请填写档次` });
    else if (cls.length > POLICY_LIMITS.class)
      out.push({ field: f('class'), message: `第 ${i + 1} 条：档次不能超过 ${POLICY_LIMITS.class} 个字符` });
    if (!(POLICY_CATEGORIES as readonly string[]).includes(p.category))
      out.push({ field: f('category'), message: `第 ${i + 1} 条：政策类别不正确` });
    if (!measure) out.push({ field: f('measure'), message: `第 ${i + 1} 条：请填写政策措施` });
    else if (measure.length > POLICY_LIMITS.measure)
      out.push({ field: f('measure'), message: `第 ${i + 1} 条：政策措施不能超过 ${POLICY_LIMITS.measure} 字` });
    if ((p.department ?? '').trim().length > POLICY_LIMITS.department)
      out.push({ field: f('department'), message: `第 ${i + 1} 条：责任部门不能超过 ${POLICY_LIMITS.department} 字` });
    const key = `${cls}\u0000${p.category}\u0000${measure}`;
    if (cls && measure && seen.has(key)) out.push({ field: f('measure'), message: `第 ${i + 1} 条：与前面的条目重复` });
    seen.add(key);
  });
  return out;
}

/** Replaces every policy with `items` (their order within a class kept unless sortOrder is given). */
export async function replacePolicies(ctx: Ctx, items: readonly PolicyInput[]): Promise<Policy[]> {
  requirePermission(ctx, 'mujun.manage');
  const problems = policyProblems(items);
  if (problems.length) throw validation(problems);
  const perClass = new Map<string, number>();
  const values = items.map((p) => {
    const cls = p.class.trim();
    const k = perClass.get(cls) ?? 0;
    perClass.set(cls, k + 1);
    return {
      class: cls,
      category: p.category,
      measure: p.measure.trim(),
      department: p.department?.trim() || null,
      sortOrder: p.sortOrder ?? k,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.clock.now(),
    };
  });
  return ctx.db.transaction(async (tx) => {
    // one writer at a time: the second waits and then replaces what the first wrote
    await tx.execute(sqlLock);
    const before = await policyRows(tx);
    await tx.delete(mujunPolicies);
    if (values.length) await tx.insert(mujunPolicies).values(values);
    const after = await policyRows(tx);
    await recordAudit(tx, ctx, {
      action: 'mujun.policy.replace',
      targetType: 'mujun_policy',
      before: before.map(({ id: _id, ...p }) => p),
      after: after.map(({ id: _id, ...p }) => p),
    });
    return after;
  });
}

/** Concurrent replacements queue up (the lock ends with the transaction); readers are not blocked. */
const sqlLock = sql`lock table ${mujunPolicies} in share row exclusive mode`;
