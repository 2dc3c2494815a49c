/** Excel import of an annual key-work list: one task per row, all rows stored or none. */
import { eq } from 'drizzle-orm';
import { people, taskSources, units } from '../../db/schema.js';
import { importInvalid, type CellIssue } from '../../domain/errors.js';
import { readRows } from '../../domain/import/sheet.js';
import { CYCLE_BY_LABEL, PRIORITY_BY_LABEL, TASK_COLUMNS, parseDate, splitNames } from '../../domain/tasks/import-rows.js';
import { SOURCE_KINDS, type SourceKind } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { readSheet } from '../import/read-sheet.js';
import { insertTask, type TaskInput } from './write.js';

export async function importTasks(
  ctx: Ctx,
  meta: { title: string; sourceKind: SourceKind; issuedOn?: string | null },
  upload: () => Promise<Buffer>,
) {
  requirePermission(ctx, 'tasks.manage');
  const sheet = await readSheet(await upload());
  const { records, issues } = readRows(sheet, TASK_COLUMNS);
  if (issues.length && !records.length) throw importInvalid(issues);
  const allUnits = await ctx.db
    .select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName })
    .from(units);
  const unitBy = new Map<string, string>();
  for (const u of allUnits) for (const k of [u.code, u.name, u.shortName]) if (k) unitBy.set(k, u.id);
  const leaders = await ctx.db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(eq(people.isLeader, true));
  const leaderBy = new Map<string, string>();
  for (const l of leaders) for (const k of [l.name, l.title]) if (k) leaderBy.set(k, l.id);

  const inputs: TaskInput[] = [];
  for (const { row, values: v, columns: c } of records) {
    const bad = (key: string, message: string) => issues.push({ row, column: c[key] ?? '', message });
    const leadUnitId = v.leadUnit ? unitBy.get(v.leadUnit) : undefined;
    if (v.leadUnit && !leadUnitId) bad('leadUnit', `牵头单位“${v.leadUnit}”不存在`);
    const coopUnitIds: string[] = [];
    for (const n of splitNames(v.coopUnits ?? '')) {
      const id = unitBy.get(n);
      if (!id) bad('coopUnits', `协办单位“${n}”不存在`);
      else if (id === leadUnitId) bad('coopUnits', `“${n}”已是牵头单位`);
      else coopUnitIds.push(id);
    }
    const leadLeaderId = v.leader ? leaderBy.get(v.leader) : undefined;
    if (v.leader && !leadLeaderId) bad('leader', `牵头领导“${v.leader}”不是区领导`);
    const deadline = v.deadline ? parseDate(v.deadline) : null;
    if (v.deadline && !deadline) bad('deadline', `完成时限“${v.deadline}”不是有效日期（如 2022-12-31）`);
    const priority = v.priority ? PRIORITY_BY_LABEL.get(v.priority) : 'normal';
    if (!priority) bad('priority', '优先级须为 紧急、重要 或 一般');
    const cycle = v.cycle ? CYCLE_BY_LABEL.get(v.cycle) : 'monthly';
    if (!cycle) bad('cycle', '报送周期须为 每周、每月、每季度 或 一次性');
    const cycleDay = v.cycleDay ? Number(v.cycleDay) : null;
    if (v.cycleDay && !(Number.isInteger(cycleDay) && cycleDay! >= 1 && cycleDay! <= (cycle === 'weekly' ? 7 : 31))) {
      bad('cycleDay', cycle === 'weekly' ? '报送日须为 1–7（周一至周日）' : '报送日须为 1–31');
    }
    inputs.push({
      title: v.title!,
      requirement: v.requirement ?? '',
      category: v.category || null,
      sourceKind: meta.sourceKind,
      leadLeaderId: leadLeaderId ?? null,
      leadUnitId: leadUnitId!,
      coopUnitIds,
      deadline: deadline!,
      priority: priority ?? 'normal',
      cycle: cycle ?? 'monthly',
      cycleDay,
      milestones: [],
      targets: [],
    });
  }
  if (issues.length)
    throw importInvalid([...issues].sort((a: CellIssue, b: CellIssue) => a.row - b.row || a.column.localeCompare(b.column)));
  return ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .insert(taskSources)
      .values({ kind: meta.sourceKind, title: meta.title, issuedOn: meta.issuedOn ?? null })
      .returning({ id: taskSources.id });
    const created: string[] = [];
    for (const input of inputs) created.push((await insertTask(tx, ctx, { ...input, sourceId: source!.id })).number);
    await recordAudit(tx, ctx, {
      action: 'task.import',
      targetType: 'task_source',
      targetId: source!.id,
      after: { title: meta.title, kind: SOURCE_KINDS[meta.sourceKind].zh, tasks: created.length },
    });
    return { sourceId: source!.id, created: created.length, numbers: created };
  });
}
