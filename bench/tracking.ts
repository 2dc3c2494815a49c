/**
 * Tracking bench (`npm run bench:tracking`): the ledger (督办台账) and the task page at a district's years of data.
 *
 * Creates a fresh PostgreSQL database `luoshi_bench_<random>` on BENCH_DATABASE_URL, bootstraps the demo district,
 * bulk-loads 100,000 tasks and 1,000,000 progress reports in SQL (INSERT … SELECT FROM generate_series; every draw is
 * a seeded hash of the row number, so the data is the same on every run), then times requests through the real HTTP
 * stack in-process (`app.inject`) as 督查室 (`duchashi`) and as 商务局's clerk (`swj.clerk`). Prints p50/p95/p99/max
 * and the EXPLAIN (ANALYZE, BUFFERS) of the ledger query per role. It prints figures and never fails on a timing.
 * The database is dropped at the end, also after an error or Ctrl-C.
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URL  server to create the bench database on (postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_TASKS         tasks to load (100000)
 *   BENCH_REPORTS       progress reports to load (1000000)
 *   BENCH_REQUESTS      timed requests per series, after 20 warm-up requests (300)
 *   BENCH_SEED          seed of the data (20220211)
 *   BENCH_PLANS=1       print the full query plans
 *   BENCH_CANDIDATE     SQL to run after the baseline (e.g. a CREATE INDEX); then everything is measured again.
 *                       Several steps, separated by a line `-- then`, are applied one on top of the other,
 *                       each measured.
 *   BENCH_KEEP=1        keep the database afterwards (prints its URL)
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { Agent, intEnv, log, p95, pad, printSeries, runSeries, scratchDatabase, secs, type Inspect } from './http-series.js';
import pg from 'pg';
import { count, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openDatabase, type Database } from '../src/db/client.js';
import { leaderPortfolios, people, tasks, units, users } from '../src/db/schema.js';
import { buildApp } from '../src/http/app.js';
import { buildActor, systemClock, type Ctx } from '../src/services/context.js';
import { bootstrap } from '../src/services/setup/bootstrap.js';
import { ledgerColumns, ledgerWhere, type LedgerFilter } from '../src/services/tasks/ledger.js';
import type { TaskStatus } from '../src/domain/tasks/workflow.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const N_TASKS = intEnv('BENCH_TASKS', 100_000);
const N_REPORTS = intEnv('BENCH_REPORTS', 1_000_000);
const N_REQUESTS = intEnv('BENCH_REQUESTS', 300);
const SEED = intEnv('BENCH_SEED', 20220211);
const PRINT_PLANS = process.env.BENCH_PLANS === '1';
const CANDIDATE = process.env.BENCH_CANDIDATE?.trim() || null;
const KEEP = process.env.BENCH_KEEP === '1';
const WARMUP = 20;
const SERIES = { warmup: WARMUP, n: N_REQUESTS };
const TARGET_P95_MS = 20;
const PAGE_SIZE = 20;
/** The data's "today": deadlines spread over the year before and the year after it. Fixed, so the data is too. */
const DATA_TODAY = '2026-11-01';
/** The ledger's status filter in every ledger request. */
const LEDGER_STATUSES: TaskStatus[] = ['in_progress', 'assigned'];
/** Deadline windows of the ledger requests: six months starting on each of these days. */
const WINDOW_STARTS = ['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01'];




function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
/** A six-month deadline window starting on `from`. */
const windowOf = (from: string) => ({ from, to: prevDay(addMonths(from, 6)) });
function prevDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// ─── bulk load ─────────────────────────────────────────────────────────────────────────────────────────────────────
// All in SQL: INSERT … SELECT FROM generate_series. bench_u(i, salt) is a seeded hash of the row number in [0, 1), so
// the same seed gives the same rows on every run (ids are md5 of seed and row number). Only the demo organisation's
// ids come from bootstrap and differ between runs; units and leaders are addressed by their sort order.

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
const CATEGORIES = sqlArray([
  '项目建设',
  '招商引资',
  '营商环境',
  '城市更新',
  '乡村振兴',
  '民生保障',
  '安全生产',
  '生态环保',
  '产业发展',
  '基层治理',
]);
const OBJECTS = sqlArray([
  '安源经开区标准厂房',
  '老旧小区改造',
  '农贸市场提档升级',
  '省市重点项目',
  '企业上市培育',
  '背街小巷整治',
  '河湖长制',
  '智慧城管平台',
  '消防安全隐患排查',
  '义务教育学位扩容',
  '城乡供水一体化',
  '高标准农田',
  '工业园区污水管网',
  '社区养老服务中心',
  '“一件事一次办”改革',
  '新能源汽车产业链',
  '萍乡北站片区开发',
  '安源路矿工人运动纪念馆提升',
  '城区停车位新增',
  '食品安全抽检',
]);
const VERBS = sqlArray(['建设', '攻坚行动', '专项整治', '提质增效', '整改落实', '工作', '三年行动', '年度目标任务']);
const PHRASES = sqlArray([
  '已召开专题调度会，明确责任分工和时间节点',
  '主体工程已完工，正在进行附属工程施工',
  '已完成前期手续办理，正在开展招投标',
  '已与投资方签订框架协议，正在对接落地事项',
  '已组织现场核查，发现的问题均已建立整改台账',
  '资金已拨付到位，正按计划推进',
  '已完成方案编制并报区政府审定',
  '受天气影响进度略有滞后，已安排加班赶工',
  '已完成阶段性目标，正在开展自查验收',
  '已协调相关部门解决用地问题',
  '群众满意度调查已完成，整体反映良好',
  '已形成专报报送区领导',
]);
const TODAY = `DATE '${DATA_TODAY}'`;
const MIDNIGHT = `TIMESTAMPTZ '${DATA_TODAY} 00:00:00+08'`;

const HELPERS_SQL = `
  CREATE FUNCTION bench_u(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(i, ${SEED}::bigint * 65536 + salt) & 4294967295)::float8 / 4294967296.0 $$;
  CREATE FUNCTION bench_id(kind text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', 1 + (('x' || substr(h, 17, 1))::bit(4)::int & 3), 1)
                  || substr(h, 18, 15))::uuid FROM md5('${SEED}:' || kind || ':' || i) h $$;
  CREATE TEMP TABLE b_unit AS
    SELECT (row_number() OVER (ORDER BY u.sort_order) - 1)::int AS idx, u.id, u.name,
      (SELECT lp.person_id FROM leader_portfolios lp JOIN people p ON p.id = lp.person_id
        WHERE lp.unit_id = u.id ORDER BY p.sort_order DESC LIMIT 1) AS leader_id,
      (SELECT p.name FROM people p WHERE p.unit_id = u.id AND NOT p.is_leader ORDER BY p.sort_order DESC LIMIT 1) AS clerk
    FROM units u WHERE u.code NOT IN ('GOV', 'DCS');
  CREATE TEMP TABLE b_leader AS
    SELECT (row_number() OVER (ORDER BY sort_order) - 1)::int AS idx, id, title FROM people WHERE is_leader;
  ANALYZE b_unit;
  ANALYZE b_leader;
  CREATE TEMP TABLE b_source AS
    SELECT s, bench_id('s', s) AS id, (ARRAY['meeting','instruction','annual','livelihood','safety'])[1 + s % 5] AS kind,
      ${TODAY} - 420 - (s * 1.3)::int AS issued_on
    FROM generate_series(0, 499) s;
  INSERT INTO task_sources (id, kind, title, document_no, issued_on, created_at)
    SELECT id, kind,
      CASE kind WHEN 'meeting' THEN '区政府第' || (s / 5 + 1) || '次常务会议'
                WHEN 'instruction' THEN '区领导批示（' || extract(year FROM issued_on) || '年第' || (s / 5 + 1) || '号）'
                WHEN 'annual' THEN extract(year FROM issued_on) || '年度重点工作任务清单（第' || (s / 5 + 1) || '批）'
                WHEN 'livelihood' THEN extract(year FROM issued_on) || '年民生实事项目（第' || (s / 5 + 1) || '批）'
                ELSE '安全生产专项整治（第' || (s / 5 + 1) || '批）' END,
      '安府督字〔' || extract(year FROM issued_on) || '〕' || (s + 1) || '号', issued_on, issued_on::timestamptz
    FROM b_source;`;

/**
 * Tasks: lead unit uniform over the 34 working units; deadline uniform over two years around DATA_TODAY; status by
 * deadline (past: mostly archived/closed, some still in progress or assigned = overdue; future: mostly in progress);
 * lead leader the deputy whose portfolio holds the lead unit (10% the district head, 5% none); 1–3 cooperating units.
 */
const STAGE_TASKS_SQL = `
  CREATE TEMP TABLE b_task AS
  WITH nu AS (SELECT count(*)::int AS n FROM b_unit),
  base AS (
    SELECT i, bench_id('t', i) AS id, floor(bench_u(i, 1) * nu.n)::int AS uidx, nu.n AS nunits,
      floor(bench_u(i, 2) * 730)::int - 365 AS dday, bench_u(i, 3) AS us, floor(bench_u(i, 4) * 500)::int AS sidx,
      bench_u(i, 5) AS ul, 1 + floor(bench_u(i, 6) * 3)::int AS ncoop, bench_u(i, 7) AS uc, bench_u(i, 8) AS uh,
      bench_u(i, 9) AS ua, bench_u(i, 10) AS ue, bench_u(i, 11) AS ut
    FROM generate_series(0, ${N_TASKS - 1}) i, nu
  ), st AS (
    SELECT *,
      CASE WHEN dday < 0 THEN
        CASE WHEN us < 0.40 THEN 'archived' WHEN us < 0.70 THEN 'closed' WHEN us < 0.85 THEN 'in_progress'
             WHEN us < 0.89 THEN 'completion_requested' WHEN us < 0.93 THEN 'assigned' WHEN us < 0.95 THEN 'returned'
             ELSE 'withdrawn' END
      ELSE
        CASE WHEN us < 0.62 THEN 'in_progress' WHEN us < 0.72 THEN 'assigned' WHEN us < 0.78 THEN 'completion_requested'
             WHEN us < 0.86 THEN 'closed' WHEN us < 0.88 THEN 'returned' WHEN us < 0.93 THEN 'draft'
             WHEN us < 0.97 THEN 'pending_review' ELSE 'withdrawn' END
      END AS status,
      least(dday - 60 - floor(uc * 300)::int, -15 - floor(uc * 10)::int) AS coff
    FROM base
  ), tm AS (
    SELECT st.*, ${MIDNIGHT} + coff * interval '1 day' + (8 + uh * 9) * interval '1 hour' AS created_at,
      CASE WHEN status IN ('draft', 'pending_review') THEN NULL
           ELSE ${MIDNIGHT} + (coff + 1 + floor(ua * 6)::int) * interval '1 day' + (8 + uh * 9) * interval '1 hour' END AS assigned_at
    FROM st
  ), cl AS (
    SELECT tm.*,
      CASE WHEN status IN ('closed', 'archived') THEN
        greatest(${MIDNIGHT} + least(dday - floor(ue * 20)::int, -1) * interval '1 day' + (9 + uh * 8) * interval '1 hour',
                 assigned_at + interval '10 days') END AS closed_at
    FROM tm
  ), fin AS (
  SELECT cl.*, ${TODAY} + dday AS deadline, bs.id AS source_id, bs.kind AS source_kind,
    u.id AS lead_unit_id, u.clerk AS lead_clerk,
    CASE WHEN ul < 0.05 THEN NULL WHEN ul < 0.15 THEN (SELECT id FROM b_leader WHERE idx = 0)
         ELSE coalesce(u.leader_id, (SELECT id FROM b_leader WHERE idx = 0)) END AS lead_leader_id,
    ut < 0.3 AS review,
    CASE WHEN status IN ('closed', 'archived') THEN closed_at
         WHEN status IN ('in_progress', 'completion_requested') THEN ${MIDNIGHT} - ue * interval '10 days'
         WHEN status = 'withdrawn' AND ue < 0.5 THEN assigned_at + (${MIDNIGHT} - assigned_at) / 2 END AS act_end,
    ARRAY(SELECT DISTINCT c.id FROM generate_series(1, ncoop) k
          JOIN b_unit c ON c.idx = (uidx + 1 + floor(bench_u(i * 4 + k, 12) * (nunits - 1))::int) % nunits) AS coop
  FROM cl JOIN b_source bs ON bs.s = cl.sidx JOIN b_unit u ON u.idx = cl.uidx
  )
  -- eord numbers the tasks that were worked on (have reports) 0, 1, 2 …: reports pick their task by it
  SELECT fin.*, CASE WHEN act_end > assigned_at
    THEN (count(*) FILTER (WHERE act_end > assigned_at) OVER (ORDER BY i ROWS UNBOUNDED PRECEDING) - 1)::int END AS eord
  FROM fin;
  CREATE INDEX ON b_task (eord);
  ANALYZE b_task;`;

/**
 * Reports, staged first so that each task is written once, with its latest report: each picks a task that was worked
 * on (uniformly, so the counts per task are about Poisson), one of its units (the lead unit 3 times in 4) and a moment
 * of its work; the percent grows with the time spent.
 */
const STAGE_REPORTS_SQL = `
  CREATE TEMP TABLE b_report AS
  SELECT j, t.id AS task_id, r.unit_id, r.unit_id = t.lead_unit_id AS by_lead, ru.clerk, r.at, p.pct,
    (${PHRASES})[1 + floor(bench_u(j, 24) * 12)::int] || '，目前总体进度' || p.pct || '%。' AS text
  FROM generate_series(0, ${N_REPORTS - 1}) j
  JOIN b_task t ON t.eord = floor(bench_u(j, 20) * (SELECT count(eord) FROM b_task))::int
  CROSS JOIN LATERAL (SELECT
    CASE WHEN bench_u(j, 21) < 0.75 OR cardinality(t.coop) = 0 THEN t.lead_unit_id
         ELSE t.coop[1 + floor(bench_u(j, 22) * cardinality(t.coop))::int] END AS unit_id,
    t.assigned_at + bench_u(j, 23) * (t.act_end - t.assigned_at) AS at) r
  CROSS JOIN LATERAL (SELECT least(100, round(100 * extract(epoch FROM r.at - t.assigned_at) / extract(epoch FROM
    CASE WHEN t.status IN ('closed', 'archived') THEN t.act_end ELSE greatest(t.deadline::timestamptz, t.act_end) END
      - t.assigned_at)))::int AS pct) p
  JOIN b_unit ru ON ru.id = r.unit_id;

  -- what the task row carries: the latest report (ledger column), the lead unit's latest percent, the report count
  CREATE TEMP TABLE b_latest AS
  SELECT l.task_id, l.at, l.text, l.n, lp.pct
  FROM (SELECT DISTINCT ON (task_id) task_id, at, text, count(*) OVER (PARTITION BY task_id) AS n
        FROM b_report ORDER BY task_id, at DESC) l
  LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, pct FROM b_report WHERE by_lead ORDER BY task_id, at DESC) lp USING (task_id);
  ANALYZE b_latest;`;

const INSERT_TASKS_SQL = `
  INSERT INTO tasks (id, number, title, requirement, source_id, source_kind, category, lead_leader_id, lead_unit_id,
                     deadline, priority, cycle, cycle_day, status, percent, latest_report_at, latest_report_text,
                     assigned_at, closed_at, withdrawn_reason, version, created_at, updated_at)
  SELECT id, pfx || '-' || yr || '-' || CASE WHEN seq < 100 THEN lpad(seq::text, 3, '0') ELSE seq::text END,
    (${OBJECTS})[1 + floor(bench_u(i, 13) * 20)::int] || (${VERBS})[1 + floor(bench_u(i, 14) * 8)::int],
    '牵头单位要会同协办单位' || (${PHRASES})[1 + floor(bench_u(i, 15) * 12)::int] || '，确保' ||
      to_char(deadline, 'YYYY"年"FMMM"月"FMDD"日"') || '前全面完成，按要求报送进展情况，重大问题及时报告。',
    source_id, source_kind, (${CATEGORIES})[1 + floor(bench_u(i, 16) * 10)::int], lead_leader_id, lead_unit_id, deadline,
    CASE WHEN bench_u(i, 17) < 0.1 THEN 'urgent' WHEN bench_u(i, 17) < 0.35 THEN 'important' ELSE 'normal' END,
    cyc, CASE cyc WHEN 'weekly' THEN 1 + floor(bench_u(i, 19) * 5)::int WHEN 'once' THEN NULL ELSE 20 + floor(bench_u(i, 19) * 8)::int END,
    status, CASE WHEN status IN ('closed', 'archived') THEN 100 ELSE coalesce(lt_pct, 0) END, lt_at, lt_text,
    assigned_at, closed_at, CASE WHEN status = 'withdrawn' THEN '根据区政府常务会议决定撤销' END,
    1 + coalesce(lt_n, 0)::int, created_at, greatest(created_at, assigned_at, closed_at, lt_at)
  FROM (
    SELECT b.*, lt.at AS lt_at, lt.text AS lt_text, lt.n AS lt_n, lt.pct AS lt_pct,
      (SELECT coalesce(value ->> 'taskPrefix', 'DB') FROM settings WHERE key = 'district') AS pfx,
      extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS yr,
      row_number() OVER (PARTITION BY extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai') ORDER BY created_at, i) AS seq,
      CASE WHEN bench_u(i, 18) < 0.15 THEN 'weekly' WHEN bench_u(i, 18) < 0.80 THEN 'monthly'
           WHEN bench_u(i, 18) < 0.95 THEN 'quarterly' ELSE 'once' END AS cyc
    FROM b_task b LEFT JOIN b_latest lt ON lt.task_id = b.id
  ) x
  ORDER BY created_at, i;
  INSERT INTO counters (key, value)
    SELECT 'task:' || split_part(number, '-', 2), max(split_part(number, '-', 3)::int) FROM tasks GROUP BY 1
    ON CONFLICT (key) DO UPDATE SET value = greatest(counters.value, excluded.value);
  INSERT INTO task_units (task_id, unit_id, role)
    SELECT id, lead_unit_id, 'lead' FROM b_task
    UNION ALL SELECT t.id, c, 'coop' FROM b_task t, unnest(t.coop) c;`;

/** In the order they were written, as a live system appends them. */
const INSERT_REPORTS_SQL = `
  INSERT INTO progress_reports (id, task_id, unit_id, author_id, author_name, text, percent, "values", created_at)
  SELECT bench_id('r', j), task_id, unit_id, NULL, clerk, text, pct, '{}'::jsonb, at FROM b_report ORDER BY at, j;`;

/** The timeline: the workflow steps each task went through to reach its status, plus reminders on overdue ones. */
const EVENTS_SQL = `
  INSERT INTO task_events (task_id, at, actor_id, actor_name, action, from_status, to_status, comment, data)
  SELECT t.id, e.at, NULL, e.actor, e.action, e.fs, e.ts, e.comment, NULL
  FROM b_task t
  LEFT JOIN b_leader l ON l.id = t.lead_leader_id
  CROSS JOIN LATERAL (VALUES
    (1, 'create', NULL, 'draft', t.created_at, '督查室专员', NULL, true),
    (2, 'submit_review', 'draft', 'pending_review', t.created_at + interval '2 hours', '督查室专员', NULL,
       t.review AND t.lead_leader_id IS NOT NULL AND t.status <> 'draft'),
    (3, 'approve_review', 'pending_review', 'assigned', t.assigned_at, coalesce(l.title, '区领导'), NULL,
       t.review AND t.lead_leader_id IS NOT NULL AND t.assigned_at IS NOT NULL),
    (4, 'assign', 'draft', 'assigned', t.assigned_at, '督查室专员', NULL,
       NOT (t.review AND t.lead_leader_id IS NOT NULL) AND t.assigned_at IS NOT NULL),
    (5, 'return', 'assigned', 'returned', t.assigned_at + interval '1 day', t.lead_clerk, '该事项不属于本单位职责，建议调整牵头单位',
       t.status = 'returned'),
    (6, 'sign', 'assigned', 'in_progress', t.assigned_at + interval '1 day', t.lead_clerk, NULL,
       t.status IN ('in_progress', 'completion_requested', 'closed', 'archived') OR (t.status = 'withdrawn' AND t.act_end IS NOT NULL)),
    (7, 'remind', NULL, NULL, ${MIDNIGHT} - interval '7 days', '督查室专员', '该事项已超期，请抓紧推进并报送进展',
       t.status IN ('in_progress', 'assigned') AND t.dday < 0),
    (8, 'request_completion', 'in_progress', 'completion_requested', coalesce(t.closed_at - interval '3 days', t.act_end),
       t.lead_clerk, '已按要求完成各项任务，申请办结', t.status IN ('completion_requested', 'closed', 'archived')),
    (9, 'approve_completion', 'completion_requested', 'closed', t.closed_at, '督查室专员', NULL, t.status IN ('closed', 'archived')),
    (10, 'archive', 'closed', 'archived', t.closed_at + interval '7 days', '督查室专员', NULL, t.status = 'archived'),
    (11, 'withdraw', CASE WHEN t.act_end IS NULL THEN 'assigned' ELSE 'in_progress' END, 'withdrawn',
       coalesce(t.act_end, t.assigned_at + interval '5 days', t.created_at + interval '5 days'), '督查室专员', '根据区政府常务会议决定撤销',
       t.status = 'withdrawn')
  ) AS e(ord, action, fs, ts, at, actor, comment, keep)
  WHERE e.keep
  ORDER BY t.i, e.ord;`;

/** Rows of the loaded tables whose references point nowhere: must be 0. */
const FK_CHECK_SQL = `
  SELECT (SELECT count(*) FROM progress_reports r WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = r.task_id)
                                                 OR NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit_id))
       + (SELECT count(*) FROM task_events e WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = e.task_id))
       + (SELECT count(*) FROM task_units tu WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = tu.task_id)
                                             OR NOT EXISTS (SELECT 1 FROM units u WHERE u.id = tu.unit_id))
       + (SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = t.lead_unit_id)
           OR (t.lead_leader_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = t.lead_leader_id))
           OR (t.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_sources s WHERE s.id = t.source_id))) AS n`;

async function load(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // jit off: compiling these one-off statements costs seconds and saves nothing
    await c.query(`SET synchronous_commit = off; SET jit = off; SET temp_buffers = '512MB'; SET work_mem = '256MB';
                   SET maintenance_work_mem = '512MB'`);
    const step = async (label: string, sql: string) => {
      const s = performance.now();
      await c.query(sql);
      log(`  ${pad(label, 44)}${secs(s).padStart(7)}`);
    };
    const all = performance.now();
    const n = (x: number) => x.toLocaleString('en');
    // Foreign-key triggers cost more than half of the insert time; the rows are consistent by construction and are
    // checked once at the end. Needs a superuser (the default URL's postgres); otherwise the triggers simply run.
    const fkOff = await c.query('SET session_replication_role = replica').then(
      () => true,
      () => false,
    );
    await step('task sources, helpers', HELPERS_SQL);
    await step(`stage ${n(N_TASKS)} tasks`, STAGE_TASKS_SQL);
    await step(`stage ${n(N_REPORTS)} progress reports`, STAGE_REPORTS_SQL);
    await step('insert tasks, task_units', INSERT_TASKS_SQL);
    await step('insert progress_reports', INSERT_REPORTS_SQL);
    await step('insert task_events', EVENTS_SQL);
    await step('drop helpers', 'DROP FUNCTION bench_u(bigint, int); DROP FUNCTION bench_id(text, bigint)');
    if (fkOff) {
      await c.query('RESET session_replication_role');
      const s = performance.now();
      const broken = Number((await c.query(FK_CHECK_SQL)).rows[0].n);
      if (broken) throw new Error(`bulk load broke ${broken} foreign keys`);
      log(`  ${pad('check foreign keys (loaded without triggers)', 44)}${secs(s).padStart(7)}`);
    }
    await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
    // The steady state of a live system, where autovacuum has long caught up: every page all-visible (so index-only
    // scans need no heap fetches). A concurrent autovacuum ANALYZE during the load can hold back the first VACUUM.
    const tables = ['tasks', 'task_units', 'progress_reports', 'task_events'];
    for (let round = 0; round < 3; round++) {
      const r = await c.query(
        `SELECT coalesce(sum(relpages) - sum(relallvisible), 0)::int AS missing FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`,
        [tables],
      );
      if (r.rows[0].missing === 0) break;
      await step(`VACUUM again (${r.rows[0].missing} pages not all-visible)`, `VACUUM ${tables.join(', ')}`);
    }
    log(`  ${pad('load total', 44)}${secs(all).padStart(7)}`);
  } finally {
    await c.end();
  }
}

async function describe(url: string, swjId: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const n = async (q: string, params: unknown[] = []) => Number((await c.query(q, params)).rows[0].n);
    const fmt = (x: number) => x.toLocaleString('en');
    const tables = ['tasks', 'task_units', 'progress_reports', 'task_events', 'task_sources'];
    const parts: string[] = [];
    for (const t of tables) {
      const rows = await n(`SELECT count(*)::bigint AS n FROM ${t}`);
      const size = (await c.query(`SELECT pg_size_pretty(pg_total_relation_size($1)) AS s`, [t])).rows[0].s;
      parts.push(`${t} ${fmt(rows)} (${size})`);
    }
    log(`  rows: ${parts.join(', ')}`);
    const mix = (
      await c.query(
        `SELECT status, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS p FROM tasks GROUP BY status ORDER BY count(*) DESC`,
      )
    ).rows;
    log(`  status mix: ${mix.map((r) => `${r.status} ${r.p}%`).join(', ')}`);
    const rep = (
      await c.query(
        `SELECT round(avg(n), 1) AS avg, max(n) AS max FROM (SELECT count(*) AS n FROM progress_reports GROUP BY task_id) x`,
      )
    ).rows[0];
    const over = await n(
      `SELECT count(*)::int AS n FROM tasks WHERE deadline < $1 AND status IN ('assigned','returned','in_progress','completion_requested')`,
      [DATA_TODAY],
    );
    log(`  reports per task with reports: avg ${rep.avg}, max ${rep.max}; open past deadline at ${DATA_TODAY}: ${fmt(over)}`);
    const swj = await n(
      `SELECT count(*)::int AS n FROM tasks t WHERE t.status NOT IN ('draft','pending_review') AND EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = t.id AND tu.unit_id = $1)`,
      [swjId],
    );
    log(`  tasks visible to 商务局 (swj.clerk): ${fmt(swj)}`);
  } finally {
    await c.end();
  }
}

// ─── HTTP ──────────────────────────────────────────────────────────────────────────────────────────────────────────

// ─── EXPLAIN of the ledger query, built by the same code as listLedger ──────────────────────────────────────────────

const leaderAlias = alias(people, 'leader');

async function actorCtx(database: Database, username: string): Promise<Ctx> {
  const [u] = await database.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  const portfolio =
    u.roles.includes('leader') && u.personId
      ? await database.db
          .select({ unitId: leaderPortfolios.unitId })
          .from(leaderPortfolios)
          .where(eq(leaderPortfolios.personId, u.personId))
      : [];
  return {
    db: database.db,
    clock: systemClock,
    ip: null,
    actor: buildActor({ ...u, portfolioUnitIds: portfolio.map((p) => p.unitId) }),
  };
}

/** The two statements of listLedger for sort=-deadline, page 1 (copied shape: select list, joins, order, limit). */
function ledgerSql(ctx: Ctx, f: LedgerFilter) {
  const where = ledgerWhere(ctx, f);
  const page = ctx.db
    .select(ledgerColumns)
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .leftJoin(leaderAlias, eq(leaderAlias.id, tasks.leadLeaderId))
    .where(where)
    .orderBy(desc(tasks.deadline), desc(tasks.id))
    .limit(PAGE_SIZE)
    .offset(0)
    .toSQL();
  const total = ctx.db.select({ n: count() }).from(tasks).where(where).toSQL();
  return { page, total };
}

async function explain(url: string, label: string, q: { sql: string; params: unknown[] }, full: boolean): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const run = async () =>
      (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params)).rows.map((r) => r['QUERY PLAN'] as string);
    await run(); // once to warm the cache, as the series did
    const lines = await run();
    const exec = lines.find((l) => l.startsWith('Execution Time')) ?? '?';
    const plan = lines.find((l) => l.startsWith('Planning Time')) ?? '?';
    log(`  ${pad(label, 36)}${exec}; ${plan}`);
    if (full) for (const l of lines) log(`      ${l}`);
  } finally {
    await c.end();
  }
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────────────────────────────

interface Plan {
  supervisorLedger: string[];
  clerkLedger: string[];
  supervisorTasks: string[];
  clerkTasks: string[];
  explainFilters: { supervisor: LedgerFilter; clerk: LedgerFilter };
}

async function planRequests(url: string, swjId: string, industryLeaderId: string): Promise<Plan> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const need = WARMUP + N_REQUESTS;
    const ledgerUrl = (leaderId: string, from: string) => {
      const w = windowOf(from);
      return `/api/tasks?status=${LEDGER_STATUSES.join(',')}&deadlineFrom=${w.from}&deadlineTo=${w.to}&leaderId=${leaderId}&sort=-deadline&page=1&pageSize=${PAGE_SIZE}`;
    };
    /** Leader × window combinations with at least a full first page (in the clerk's scope when unitId is given). */
    const combos = async (unitId: string | null) => {
      const out: { leaderId: string; from: string }[] = [];
      const leaders = (await c.query(`SELECT id FROM people WHERE is_leader ORDER BY sort_order`)).rows.map(
        (r) => r.id as string,
      );
      for (const from of WINDOW_STARTS) {
        for (const leaderId of leaders) {
          const w = windowOf(from);
          const n = Number(
            (
              await c.query(
                `SELECT count(*)::int AS n FROM tasks t WHERE t.lead_leader_id = $1 AND t.status = ANY($2) AND t.deadline BETWEEN $3 AND $4
                   AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = t.id AND tu.unit_id = $5))`,
                [leaderId, LEDGER_STATUSES, w.from, w.to, unitId],
              )
            ).rows[0].n,
          );
          if (n >= PAGE_SIZE) out.push({ leaderId, from });
        }
      }
      return out;
    };
    const sup = await combos(null);
    const clerk = await combos(swjId);
    if (!sup.length || !clerk.length) throw new Error('no leader/window gives a full first page: is the data loaded?');
    const ids = async (visibleToUnit: string | null) =>
      (
        await c.query(
          `SELECT t.id FROM tasks t WHERE $1::uuid IS NULL OR (t.status NOT IN ('draft', 'pending_review')
             AND EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = t.id AND tu.unit_id = $1))
           ORDER BY md5(t.id::text) LIMIT $2`,
          [visibleToUnit, need],
        )
      ).rows.map((r) => `/api/tasks/${r.id}`);
    const clerkFirst = clerk.find((x) => x.leaderId === industryLeaderId) ?? clerk[0]!;
    const supFirst = sup.find((x) => x.leaderId === industryLeaderId) ?? sup[0]!;
    const filter = (x: { leaderId: string; from: string }): LedgerFilter => ({
      status: LEDGER_STATUSES,
      leaderId: x.leaderId,
      deadlineFrom: windowOf(x.from).from,
      deadlineTo: windowOf(x.from).to,
    });
    return {
      supervisorLedger: sup.map((x) => ledgerUrl(x.leaderId, x.from)),
      clerkLedger: clerk.map((x) => ledgerUrl(x.leaderId, x.from)),
      supervisorTasks: await ids(null),
      clerkTasks: await ids(swjId),
      explainFilters: { supervisor: filter(supFirst), clerk: filter(clerkFirst) },
    };
  } finally {
    await c.end();
  }
}

async function measure(url: string, database: Database, agents: { duchashi: Agent; clerk: Agent }, plan: Plan, title: string) {
  const load1 = loadavg()[0]!;
  const cpus = availableParallelism();
  log(
    `\n${title} (load average ${load1.toFixed(2)} on ${cpus} CPUs, this bench included${load1 > cpus ? ': the machine is busy, timings are inflated' : ''})`,
  );
  const ledger: Inspect = (b) => {
    const body = b as { items: unknown[]; total: number };
    return { problem: body.items.length === 0 ? 'empty page' : null, size: body.total };
  };
  const taskPage: Inspect = (b) => {
    const body = b as { task?: { id?: string }; reports?: { total: number } };
    return { problem: body.task?.id ? null : 'no task in answer', size: body.reports?.total ?? 0 };
  };
  const all = [
    await runSeries(agents.duchashi, 'ledger, 督查室 (duchashi)', plan.supervisorLedger, ledger, 'total', SERIES),
    await runSeries(agents.clerk, 'ledger, 商务局 clerk (swj.clerk)', plan.clerkLedger, ledger, 'total', SERIES),
    await runSeries(agents.duchashi, 'task page, 督查室 (duchashi)', plan.supervisorTasks, taskPage, 'reports', SERIES),
    await runSeries(agents.clerk, 'task page, 商务局 clerk (swj.clerk)', plan.clerkTasks, taskPage, 'reports', SERIES),
  ];
  printSeries(all, TARGET_P95_MS);
  const missed = all.some((s) => p95(s.ms) > TARGET_P95_MS);
  log(`\n  EXPLAIN (ANALYZE, BUFFERS) of the ledger's two statements (page, total), warm:`);
  for (const [role, username] of [
    ['督查室', 'duchashi'],
    ['商务局 clerk', 'swj.clerk'],
  ] as const) {
    const ctx = await actorCtx(database, username);
    const f = role === '督查室' ? plan.explainFilters.supervisor : plan.explainFilters.clerk;
    const q = ledgerSql(ctx, f);
    await explain(url, `${role} page query`, q.page, PRINT_PLANS || missed);
    await explain(url, `${role} count query`, q.total, PRINT_PLANS || missed);
  }
  const f = plan.explainFilters.clerk;
  log(
    `  (filters: status=${LEDGER_STATUSES.join(',')}, deadline ${f.deadlineFrom}…${f.deadlineTo}, leaderId=<分管工业 leader>, sort=-deadline)`,
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  const scratch = await scratchDatabase(ADMIN_URL, 'tracking', KEEP);
  if (!scratch) return 0;
  const { name, server, url: dbUrl } = scratch;

  let database: Database | null = null;
  let app: FastifyInstance | null = null;
  let cleaning: Promise<void> | null = null;
  /** Closes the app and drops the database, once, however many callers ask (main's finally, a signal). */
  const cleanup = () => (cleaning ??= dropAll());
  const dropAll = async () => {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await scratch.drop();
  };
  const onSignal = (sig: NodeJS.Signals) => {
    interrupted = true;
    log(`\n${sig}: dropping ${name} …`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`Luoshi tracking bench — PostgreSQL ${server}, database ${name}, Node ${process.version}`);
    log(
      `  ${N_TASKS.toLocaleString('en')} tasks, ${N_REPORTS.toLocaleString('en')} progress reports, seed ${SEED}, data "today" ${DATA_TODAY}`,
    );
    database = await openDatabase({ url: dbUrl });
    let s = performance.now();
    const { credentials } = await bootstrap(database, { demo: true });
    log(`\nbootstrap (migrations + demo district): ${secs(s)}`);
    const [swj] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, 'SWJ'));
    const [industry] = await database.db.select({ id: people.id }).from(people).where(eq(people.title, '副区长（分管工业）'));
    if (!swj || !industry) throw new Error('demo district lacks 商务局 or the industry leader');

    log('\nload');
    await load(dbUrl);
    log('\ndata');
    await describe(dbUrl, swj.id);

    app = await buildApp({ database, webRoot: null, loginRateLimit: 100_000 });
    await app.ready();
    const password = (u: string) => credentials.find((c) => c.username === u)?.password ?? '';
    const agents = {
      duchashi: await new Agent(app, 'duchashi').signIn(password('duchashi')),
      clerk: await new Agent(app, 'swj.clerk').signIn(password('swj.clerk')),
    };
    const plan = await planRequests(dbUrl, swj.id, industry.id);
    log(
      `\nrequests: ${WARMUP} warm-up + ${N_REQUESTS} timed per series, sequential; ledger over ${plan.supervisorLedger.length} (督查室) / ` +
        `${plan.clerkLedger.length} (clerk) leader × 6-month-window combinations, each with a full first page; task page over ` +
        `${WARMUP + N_REQUESTS} different tasks each`,
    );
    await measure(dbUrl, database, agents, plan, 'baseline');

    const steps = CANDIDATE
      ? CANDIDATE.split(/^\s*--\s*then\s*$/m)
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
    for (const [i, step] of steps.entries()) {
      log(
        `\ncandidate ${i + 1}${i ? ` (on top of ${i === 1 ? 'candidate 1' : `candidates 1–${i}`})` : ''}: ${step.replace(/\s+/g, ' ')}`,
      );
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      try {
        s = performance.now();
        await c.query(step);
        await c.query('ANALYZE');
      } finally {
        await c.end();
      }
      log(`  applied and analysed in ${secs(s)}`);
      await measure(dbUrl, database, agents, plan, `with candidate${i ? `s 1–${i + 1}` : ' 1'}`);
    }
    log(`\ntotal run time ${secs(started)}`);
    return 0;
  } finally {
    await cleanup();
  }
}

/** Set on Ctrl-C: the signal handler drops the database and exits; what the interrupted load throws is no news. */
let interrupted = false;

main().then(
  (code) => process.exit(code),
  (e) => {
    if (interrupted) return;
    console.error(e);
    process.exit(1);
  },
);
