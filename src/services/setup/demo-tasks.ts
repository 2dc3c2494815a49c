/**
 * Loads the demo key tasks (src/demo/anyuan-tasks.ts): each scripted history is replayed through the real services —
 * create, review, assign, sign, return, report, extension, split, completion, archive, withdraw, reminders — acting as
 * the right account at the scripted moment, so every step is on the task's timeline and in the audit trail exactly as
 * in real use. Dates are relative to the day of loading; apart from that day everything is deterministic.
 */
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { milestones, targets, taskUnits, tasks } from '../../db/schema.js';
import { LEADERS, UNITS, unitStaffTitles } from '../../demo/anyuan.js';
import {
  DEMO_SOURCES,
  DEMO_SUBTASKS,
  DEMO_TASKS,
  type Day,
  type DemoSource,
  type DemoTask,
  type Step,
  type Who,
} from '../../demo/anyuan-tasks.js';
import { DEFAULT_CYCLE_DAY } from '../../domain/tasks/cycle.js';
import {
  canDecideExtension,
  nextExtensionStage,
  refusal,
  WORKFLOW,
  type Cycle,
  type ExtensionStage,
  type TaskAction,
  type TaskStatus,
} from '../../domain/tasks/workflow.js';
import { addDays, dayOfMonth, isoWeekday, localDate, type IsoDate } from '../../domain/time/dates.js';
import { formatDateTime } from '../../domain/time/format.js';
import { buildActor, type Actor, type Clock, type Ctx } from '../context.js';
import { act, decideExtension, decompose, report, requestExtension, type SimpleAction } from '../tasks/actions.js';
import { createSource } from '../tasks/sources.js';
import { createTask, editTask, type TaskInput } from '../tasks/write.js';

/** A clock standing still at one moment: each replayed step runs at its scripted time. */
export class FixedClock implements Clock {
  constructor(private readonly at: Date) {}
  now(): Date {
    return new Date(this.at.getTime());
  }
}

export interface DemoAccountIds {
  userId: string;
  unitId: string | null;
  personId: string | null;
  roles: string[];
  displayName: string;
}

export interface DemoIds {
  /** unit code → unit id */
  unitId: Map<string, string>;
  /** leader key → person id */
  leaderId: Map<string, string>;
  /** username → account */
  accounts: Map<string, DemoAccountIds>;
}

// ─── The plan: the scripts resolved against "today", checked against the workflow table ────────────────────────────

/** Who acts, by codes and keys (ids come at load time). */
export type ActorRef =
  { kind: 'dcs' } | { kind: 'unit'; code: string; role: 'unit_clerk' | 'unit_head' } | { kind: 'leader'; key: string };

interface TaskPlan {
  key: string;
  source: string;
  kind: DemoTask['kind'];
  title: string;
  requirement: string;
  category: string;
  leader: string;
  lead: string;
  coop: string[];
  deadline: IsoDate;
  priority: DemoTask['priority'];
  cycle: Cycle;
  milestones: { name: string; plannedOn: IsoDate }[];
  targets: { name: string; unit: string; target: number }[];
}

export type PlannedOp =
  | { op: 'source'; source: DemoSource }
  | { op: 'create'; task: TaskPlan }
  | { op: 'act'; action: SimpleAction; comment: string | null }
  | { op: 'report'; text: string; percent: number; values: (number | null)[]; done: number[] }
  | { op: 'extend'; reason: string; newDeadline: IsoDate; progress: string }
  | { op: 'decide'; approve: boolean; comment: string | null }
  | { op: 'edit'; leadUnit?: string; coop?: string[]; requirement?: string }
  | { op: 'split'; child: string; title: string; requirement: string; unit: string; deadline: IsoDate };

export interface PlannedStep {
  at: Date;
  /** The local calendar date of `at`. */
  date: IsoDate;
  /** The task acted on (for `create`: the new task; for `split`: the parent); null for a source. */
  task: string | null;
  who: ActorRef;
  step: PlannedOp;
}

const fmtMd = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The instant of a local date and time in the district's zone. */
function instantOf(date: IsoDate, hhmm: string): Date {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  const shown = new Date(`${formatDateTime(guess).replace(' ', 'T')}Z`);
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
}

/** The latest reporting due date of the cycle strictly before `today`, `k` periods further back. */
function dueBefore(cycle: Cycle, today: IsoDate, k: number): IsoDate {
  const day = DEFAULT_CYCLE_DAY[cycle];
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (cycle) {
    case 'weekly': {
      const back = (isoWeekday(today) - (day ?? 5) + 7) % 7 || 7;
      return addDays(today, -back - 7 * k);
    }
    case 'monthly': {
      const base = dayOfMonth(y, m, day ?? 28) < today ? m : m - 1;
      return dayOfMonth(y, base - k, day ?? 28);
    }
    case 'quarterly': {
      const qEnd = Math.ceil(m / 3) * 3;
      const base = dayOfMonth(y, qEnd, day ?? 25) < today ? qEnd : qEnd - 3;
      return dayOfMonth(y, base - 3 * k, day ?? 25);
    }
    case 'once':
      throw new Error('a one-off task has no reporting due dates');
  }
}

function resolveDay(day: Day, cycle: Cycle, today: IsoDate): IsoDate {
  if (typeof day === 'number') return addDays(today, day);
  if ('me' in day) {
    const [y, m] = today.split('-').map(Number) as [number, number];
    return dayOfMonth(y, m + day.me, 31);
  }
  return addDays(dueBefore(day.cycle ?? cycle, today, day.due), day.shift);
}

/** A deterministic working-hours time for a step without one (08:30–16:59). */
function defaultTime(taskIndex: number, stepIndex: number): string {
  const mins = 8 * 60 + 30 + ((taskIndex * 131 + stepIndex * 47) % 510);
  return `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

interface TaskState {
  status: TaskStatus | null;
  lead: string;
  coop: string[];
  leader: string;
  deadline: IsoDate;
  request: ExtensionStage | null;
}

/**
 * Resolves every script against the day of `now` and checks it step by step against the workflow table (states,
 * roles, relations, comments, dates), so a script that would fail on some day fails here with a clear message.
 */
export function planDemoTasks(now: Date): PlannedStep[] {
  const today = localDate(now);
  const byKey = new Map(DEMO_TASKS.map((t) => [t.key, t]));
  const subs = new Map(DEMO_SUBTASKS.map((s) => [s.key, s]));
  const fail = (where: string, message: string): never => {
    throw new Error(`演示事项脚本有误（${where}，今天=${today}）：${message}`);
  };

  // 1. every step with its moment; within a task, steps on the same day keep their listed order
  interface Raw {
    at: Date;
    date: IsoDate;
    order: number;
    task: string | null;
    cycle: Cycle;
    step: Step | null;
    source?: DemoSource;
  }
  const raws: Raw[] = [];
  let order = 0;
  for (const s of DEMO_SOURCES) {
    const date = resolveDay(s.on, 'monthly', today);
    raws.push({
      at: instantOf(date, s.time ?? '09:00'),
      date,
      order: order++,
      task: null,
      cycle: 'monthly',
      step: null,
      source: s,
    });
  }
  const scripts: { key: string; cycle: Cycle; steps: Step[]; after?: { task: string; child: string } }[] = [
    ...DEMO_TASKS.map((t) => ({ key: t.key, cycle: t.cycle, steps: t.steps })),
    ...DEMO_SUBTASKS.map((s) => {
      const parent = byKey.get(s.parent) ?? fail(s.key, `母事项 ${s.parent} 不存在`);
      return { key: s.key, cycle: parent.cycle, steps: s.steps, after: { task: s.parent, child: s.key } };
    }),
  ];
  const splitAt = new Map<string, Date>();
  scripts.forEach((script, ti) => {
    const timed = script.steps.map((step, i) => {
      const date = resolveDay(step.on, script.cycle, today);
      return { step, i, date, at: instantOf(date, step.time ?? defaultTime(ti, i)) };
    });
    timed.sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
    let floor = script.after ? splitAt.get(script.after.child) : undefined;
    if (script.after && !floor) fail(script.key, '子任务须在母事项的“分解”步骤之后');
    for (const t of timed) {
      if (floor && t.at <= floor) {
        if (localDate(floor) !== t.date) fail(`${script.key} 第${t.i + 1}步`, '步骤早于前一步骤');
        t.at = new Date(floor.getTime() + 7 * 60_000);
      }
      if (t.at >= now) fail(`${script.key} 第${t.i + 1}步`, `步骤时间 ${formatDateTime(t.at)} 不在过去`);
      floor = t.at;
      if (t.step.do === 'split') splitAt.set(t.step.child, t.at);
      raws.push({ at: t.at, date: t.date, order: order++, task: script.key, cycle: script.cycle, step: t.step });
    }
  });
  raws.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  // 2. replay on paper
  const state = new Map<string, TaskState>();
  /** New deadlines of extension requests under way. */
  const pendingDeadline = new Map<string, IsoDate>();
  const out: PlannedStep[] = [];
  for (const r of raws) {
    if (r.source) {
      out.push({ at: r.at, date: r.date, task: null, who: { kind: 'dcs' }, step: { op: 'source', source: r.source } });
      continue;
    }
    const step = r.step!;
    const key = r.task!;
    const where = `${key}：${step.do}`;
    let st = state.get(key);
    const spec = byKey.get(key);
    if (step.do === 'create') {
      if (st || !spec) fail(where, '“立项”须是顶层事项的第一步');
      const task: TaskPlan = {
        key,
        source: spec!.source,
        kind: spec!.kind,
        title: spec!.title,
        requirement: spec!.requirement,
        category: spec!.category,
        leader: spec!.leader,
        lead: spec!.lead,
        coop: spec!.coop,
        deadline: resolveDay(spec!.deadline, spec!.cycle, today),
        priority: spec!.priority,
        cycle: spec!.cycle,
        milestones: spec!.milestones.map((m) => ({ name: m.name, plannedOn: resolveDay(m.on, spec!.cycle, today) })),
        targets: spec!.targets,
      };
      if (!DEMO_SOURCES.some((s) => s.key === task.source)) fail(where, `来源 ${task.source} 不存在`);
      if (!LEADERS.some((l) => l.key === task.leader)) fail(where, `领导 ${task.leader} 不存在`);
      for (const m of task.milestones) if (m.plannedOn > task.deadline) fail(where, `节点“${m.name}”晚于完成时限`);
      if (step.by !== 'dcs') fail(where, '立项须由督查室进行');
      state.set(key, {
        status: 'draft',
        lead: task.lead,
        coop: [...task.coop],
        leader: task.leader,
        deadline: task.deadline,
        request: null,
      });
      out.push({ at: r.at, date: r.date, task: key, who: { kind: 'dcs' }, step: { op: 'create', task } });
      continue;
    }
    if (!st) fail(where, '事项尚未立项或分解');
    st = st!;
    const who = refOf(step.by, st, fail.bind(null, where));
    const facts = {
      status: st.status!,
      deadline: st.deadline,
      leadUnitId: st.lead,
      coopUnitIds: st.coop,
      leadLeaderId: st.leader,
    };
    const actorFacts = {
      roles: who.kind === 'dcs' ? ['supervisor'] : who.kind === 'leader' ? ['leader'] : [who.role],
      unitId: who.kind === 'unit' ? who.code : who.kind === 'dcs' ? 'DCS' : 'GOV',
      personId: who.kind === 'leader' ? who.key : null,
    };
    const allowed = (action: TaskAction) => {
      const no = refusal(action, facts, actorFacts, r.date);
      if (no) fail(where, `${no.message}（状态 ${st!.status}）`);
    };
    const text = (s: string) => fill(s, st!, r.cycle, today);
    let op: PlannedOp;
    switch (step.do) {
      case 'report':
        allowed('report');
        if (step.percent < 0 || step.percent > 100) fail(where, '进度须在 0–100 之间');
        op = { op: 'report', text: text(step.text), percent: step.percent, values: step.values ?? [], done: step.done ?? [] };
        break;
      case 'extend': {
        allowed('request_extension');
        if (st.request) fail(where, '已有待审批的延期申请');
        const newDeadline = resolveDay(step.until, r.cycle, today);
        if (r.date > st.deadline) fail(where, '已超过完成时限，不能申请延期');
        if (newDeadline <= st.deadline) fail(where, '新的完成时限须晚于原时限');
        op = {
          op: 'extend',
          reason: fill(step.reason, st, r.cycle, today, newDeadline),
          newDeadline,
          progress: text(step.progress),
        };
        st.request = who.kind === 'unit' && who.role === 'unit_head' ? 'supervisor' : 'unit_head';
        pendingDeadline.set(key, newDeadline);
        break;
      }
      case 'decide': {
        if (!st.request) fail(where, '没有待审批的延期申请');
        if (!canDecideExtension(st.request!, facts, actorFacts)) fail(where, `“${st.request}”环节不由该角色审批`);
        if (!step.approve && !step.comment?.trim()) fail(where, '不同意延期须填写理由');
        const next = step.approve ? nextExtensionStage(st.request!) : null;
        if (!step.approve) st.request = null;
        else if (next === null) {
          st.request = null;
          st.deadline = pendingDeadline.get(key)!;
        } else st.request = next;
        op = { op: 'decide', approve: step.approve, comment: step.comment ? text(step.comment) : null };
        break;
      }
      case 'edit':
        allowed('edit');
        if (step.leadUnit) st.lead = step.leadUnit;
        if (step.coop) st.coop = [...step.coop];
        if (st.coop.includes(st.lead)) fail(where, '协办单位不能与牵头单位相同');
        op = { op: 'edit', leadUnit: step.leadUnit, coop: step.coop, requirement: step.requirement };
        break;
      case 'split': {
        allowed('decompose');
        const sub = subs.get(step.child) ?? fail(where, `子任务 ${step.child} 不存在`);
        if (sub.parent !== key) fail(where, `子任务 ${sub.key} 的母事项不是 ${key}`);
        if (!st.coop.includes(sub.lead)) fail(where, '子任务须由协办单位承办');
        const deadline = resolveDay(sub.deadline, r.cycle, today);
        if (deadline > st.deadline) fail(where, '子任务时限不能晚于主任务');
        state.set(sub.key, { status: 'assigned', lead: sub.lead, coop: [], leader: st.leader, deadline, request: null });
        op = { op: 'split', child: sub.key, title: sub.title, requirement: sub.requirement, unit: sub.lead, deadline };
        break;
      }
      default: {
        const action = step.do;
        allowed(action);
        const t = WORKFLOW[action];
        if (t.needsComment && !step.comment?.trim()) fail(where, '须填写说明');
        if (t.to) st.status = t.to;
        op = { op: 'act', action, comment: step.comment ? text(step.comment) : null };
      }
    }
    out.push({ at: r.at, date: r.date, task: key, who, step: op });
  }
  for (const s of DEMO_SUBTASKS) if (!state.has(s.key)) fail(s.key, '子任务从未被分解出来');
  return out;
}

function refOf(who: Who, st: TaskState, fail: (message: string) => never): ActorRef {
  if (who === 'dcs') return { kind: 'dcs' };
  if (who === 'clerk') return { kind: 'unit', code: st.lead, role: 'unit_clerk' };
  if (who === 'head') return { kind: 'unit', code: st.lead, role: 'unit_head' };
  if (who === 'leader') return { kind: 'leader', key: st.leader };
  const [kind, code] = who.split(':') as [string, string];
  if (kind === 'leader') {
    if (!LEADERS.some((l) => l.key === code)) fail(`领导 ${code} 不存在`);
    return { kind: 'leader', key: code };
  }
  if (!UNITS.some((u) => u.code === code)) fail(`单位 ${code} 不存在`);
  return { kind: 'unit', code, role: kind === 'head' ? 'unit_head' : 'unit_clerk' };
}

/** Fills `{mo:K}`, `{d:N}`, `{dl}` and `{ndl}` in a text. */
function fill(s: string, st: TaskState, cycle: Cycle, today: IsoDate, newDeadline?: IsoDate): string {
  return s.replace(/\{(mo|d|dl|ndl)(?::(-?\d+))?\}/g, (_, what: string, n?: string) => {
    switch (what) {
      case 'mo':
        return fmtMd(dueBefore(cycle, today, Number(n ?? 0)));
      case 'd':
        return fmtMd(addDays(today, Number(n ?? 0)));
      case 'dl':
        return fmtMd(st.deadline);
      default:
        if (!newDeadline) throw new Error(`演示事项脚本有误：{ndl} 只能用于延期申请：${s}`);
        return fmtMd(newDeadline);
    }
  });
}

// ─── Loading ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A stable id for a demo actor that has no account (a unit's clerk or head, a leader): the same on every load. */
function syntheticUserId(name: string): string {
  const h = createHash('sha256').update(`luoshi-demo-actor:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Replays the demo task scripts (see src/demo/anyuan-tasks.ts) in the caller's transaction, in time order, one query
 * at a time. `clock` gives "today"; `ids` are the demo district's units, leaders and accounts as `loadDemo` created
 * them. Returns how many tasks were created (sub-tasks included).
 */
export async function loadDemoTasks(tx: Db, clock: Clock, ids: DemoIds): Promise<{ tasks: number }> {
  const plan = planDemoTasks(clock.now());
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`演示数据缺少${what}`);
    return v;
  };
  const unitId = (code: string) => need(ids.unitId.get(code), `单位 ${code}`);
  const leaderId = (key: string) => need(ids.leaderId.get(key), `领导 ${key}`);
  const accounts = [...ids.accounts.entries()];

  const actors = new Map<string, Actor>();
  const actorOf = (ref: ActorRef): Actor => {
    const cacheKey = ref.kind === 'dcs' ? 'dcs' : ref.kind === 'leader' ? `leader:${ref.key}` : `${ref.role}:${ref.code}`;
    const hit = actors.get(cacheKey);
    if (hit) return hit;
    let actor: Actor;
    if (ref.kind === 'dcs') {
      const a = ids.accounts.get('duchashi') ?? accounts.map(([, v]) => v).find((v) => v.roles.includes('supervisor'));
      const dcs = need(a, '督查室账号');
      actor = buildActor({
        id: dcs.userId,
        displayName: dcs.displayName,
        roles: dcs.roles,
        unitId: dcs.unitId,
        personId: dcs.personId,
        portfolioUnitIds: [],
      });
    } else if (ref.kind === 'leader') {
      const leader = need(
        LEADERS.find((l) => l.key === ref.key),
        `领导 ${ref.key}`,
      );
      const personId = leaderId(ref.key);
      const portfolioUnitIds = leader.portfolio.map(unitId);
      const a = accounts.find(([, v]) => v.roles.includes('leader') && v.personId === personId)?.[1];
      actor = a
        ? buildActor({ id: a.userId, displayName: a.displayName, roles: a.roles, unitId: a.unitId, personId, portfolioUnitIds })
        : buildActor({
            id: syntheticUserId(`leader:${ref.key}`),
            displayName: leader.title,
            roles: ['leader'],
            unitId: unitId('GOV'),
            personId,
            portfolioUnitIds,
          });
    } else {
      const uid = unitId(ref.code);
      const a = accounts.find(([, v]) => v.unitId === uid && v.roles.includes(ref.role))?.[1];
      if (a) {
        actor = buildActor({
          id: a.userId,
          displayName: a.displayName,
          roles: a.roles,
          unitId: uid,
          personId: a.personId,
          portfolioUnitIds: [],
        });
      } else {
        const unit = need(
          UNITS.find((u) => u.code === ref.code),
          `单位 ${ref.code}`,
        );
        const name = `${unit.shortName}${ref.role === 'unit_head' ? unitStaffTitles(unit.kind)[0] : '联络员'}`;
        actor = buildActor({
          id: syntheticUserId(`${ref.role}:${ref.code}`),
          displayName: name,
          roles: [ref.role],
          unitId: uid,
          personId: null,
          portfolioUnitIds: [],
        });
      }
    }
    actors.set(cacheKey, actor);
    return actor;
  };

  const sourceId = new Map<string, string>();
  const taskId = new Map<string, string>();
  const requestId = new Map<string, string>();
  const childIds = async (id: string) => ({
    milestones: (
      await tx.select({ id: milestones.id }).from(milestones).where(eq(milestones.taskId, id)).orderBy(asc(milestones.sortOrder))
    ).map((r) => r.id),
    targets: (
      await tx.select({ id: targets.id }).from(targets).where(eq(targets.taskId, id)).orderBy(asc(targets.sortOrder))
    ).map((r) => r.id),
  });

  for (const [n, p] of plan.entries()) {
    const ctx: Ctx = { db: tx, clock: new FixedClock(p.at), actor: actorOf(p.who), ip: null };
    const id = p.task && p.step.op !== 'create' ? need(taskId.get(p.task), `事项 ${p.task}`) : '';
    try {
      const s = p.step;
      switch (s.op) {
        case 'source': {
          const row = await createSource(ctx, {
            kind: s.source.kind,
            title: s.source.title,
            documentNo: s.source.documentNo,
            issuedOn: s.source.issuedOn,
            content: s.source.content,
          });
          sourceId.set(s.source.key, row.id);
          break;
        }
        case 'create': {
          const t = s.task;
          const input: TaskInput = {
            title: t.title,
            requirement: t.requirement,
            sourceId: need(sourceId.get(t.source), `来源 ${t.source}`),
            sourceKind: t.kind,
            category: t.category,
            leadLeaderId: leaderId(t.leader),
            leadUnitId: unitId(t.lead),
            coopUnitIds: t.coop.map(unitId),
            deadline: t.deadline,
            priority: t.priority,
            cycle: t.cycle,
            cycleDay: DEFAULT_CYCLE_DAY[t.cycle],
            milestones: t.milestones.map((m) => ({ name: m.name, plannedOn: m.plannedOn })),
            targets: t.targets.map((g) => ({ name: g.name, unit: g.unit, targetValue: g.target })),
          };
          taskId.set(t.key, (await createTask(ctx, input)).id);
          break;
        }
        case 'act':
          await act(ctx, id, s.action, { comment: s.comment });
          break;
        case 'report': {
          const children = s.values.length || s.done.length ? await childIds(id) : { milestones: [], targets: [] };
          const values: Record<string, number> = {};
          s.values.forEach((v, i) => {
            if (v !== null) values[need(children.targets[i], `第${i + 1}个指标`)] = v;
          });
          await report(ctx, id, {
            text: s.text,
            percent: s.percent,
            values,
            milestonesDone: s.done.map((i) => ({ id: need(children.milestones[i], `第${i + 1}个节点`), doneOn: p.date })),
          });
          break;
        }
        case 'extend':
          requestId.set(
            p.task!,
            (await requestExtension(ctx, id, { reason: s.reason, newDeadline: s.newDeadline, progress: s.progress })).id,
          );
          break;
        case 'decide':
          await decideExtension(ctx, id, need(requestId.get(p.task!), '延期申请'), { approve: s.approve, comment: s.comment });
          break;
        case 'edit': {
          const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
          const task = need(row, `事项 ${p.task}`);
          const links = await tx
            .select({ unitId: taskUnits.unitId, role: taskUnits.role })
            .from(taskUnits)
            .where(eq(taskUnits.taskId, id));
          const ms = await tx.select().from(milestones).where(eq(milestones.taskId, id)).orderBy(asc(milestones.sortOrder));
          const tg = await tx.select().from(targets).where(eq(targets.taskId, id)).orderBy(asc(targets.sortOrder));
          await editTask(ctx, id, {
            version: task.version,
            title: task.title,
            requirement: s.requirement ?? task.requirement,
            sourceId: task.sourceId,
            sourceKind: task.sourceKind as TaskInput['sourceKind'],
            category: task.category,
            leadLeaderId: task.leadLeaderId,
            leadUnitId: s.leadUnit ? unitId(s.leadUnit) : task.leadUnitId,
            coopUnitIds: s.coop ? s.coop.map(unitId) : links.filter((l) => l.role === 'coop').map((l) => l.unitId),
            deadline: task.deadline,
            priority: task.priority as TaskInput['priority'],
            cycle: task.cycle as TaskInput['cycle'],
            cycleDay: task.cycleDay,
            milestones: ms.map((m) => ({
              id: m.id,
              name: m.name,
              plannedOn: m.plannedOn,
              doneOn: m.doneOn,
              evidence: m.evidence,
            })),
            targets: tg.map((g) => ({ id: g.id, name: g.name, unit: g.unit, targetValue: g.targetValue })),
          });
          break;
        }
        case 'split': {
          const child = await decompose(ctx, id, {
            title: s.title,
            requirement: s.requirement,
            unitId: unitId(s.unit),
            deadline: s.deadline,
          });
          taskId.set(s.child, child.id);
          break;
        }
      }
    } catch (e) {
      const what = p.step.op === 'act' ? p.step.action : p.step.op;
      throw new Error(
        `演示事项第${n + 1}步失败（${p.task ?? '来源'}：${what}，${formatDateTime(p.at)}，${ctx.actor.name}）：${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  return { tasks: taskId.size };
}
