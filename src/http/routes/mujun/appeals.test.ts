import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mujunAppeals, mujunResults, mujunRuns } from '../../../db/schema.js';
import { DEMO_ENTERPRISE_USCC } from '../../../demo/anyuan.js';
import { readMujunInput } from '../../../services/mujun/input-files.js';
import { tableToRecords } from '../../../domain/mujun/input.js';
import { fileAppeal } from '../../../services/mujun/appeals.js';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { postMultipart } from './multipart-testing.js';

describe.each(backends())('亩均 appeals on %s', (backend) => {
  let t: TestApp;
  let evaluator: Agent;
  let town: Agent;
  let firm: Agent;
  let leader: Agent;
  let otherClerk: Agent;
  let run2022: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp(backend);
    evaluator = await signIn(t, 'gxj.evaluator');
    town = await signIn(t, 'baiyuan.clerk');
    firm = await signIn(t, 'qiye.demo');
    leader = await signIn(t, 'leader.industry');
    otherClerk = await signIn(t, 'swj.clerk');
    run2022 = (await evaluator.get('/api/mujun/runs?year=2022')).json()[0];
  });
  afterAll(() => t.close());

  const resultOf = async (runId: string, uscc: string) =>
    (
      await t.database.db
        .select()
        .from(mujunResults)
        .where(and(eq(mujunResults.runId, runId), eq(mujunResults.uscc, uscc)))
    )[0]!;
  const snapshotRecord = async (runId: string, uscc: string) => {
    const [run] = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.id, runId));
    const parsed = await readMujunInput({ buffer: Buffer.from(run!.inputCsv), fileName: 'input.csv' });
    if (!parsed.ok) throw new Error('snapshot unreadable');
    return tableToRecords(parsed.table).find((r) => r['uscc'] === uscc)!;
  };

  it('scopes the list: the evaluator sees all, a street its own enterprises, an enterprise only itself', async () => {
    const all = (await evaluator.get('/api/mujun/appeals')).json();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      runId: run2022.id,
      year: 2022,
      town: '白源街道',
      kind: 'value',
      field: 'land_mu',
      status: 'pending',
      filedByName: '白源街道联络员',
    });
    expect((await town.get('/api/mujun/appeals')).json()).toHaveLength(1);
    expect((await leader.get('/api/mujun/appeals?status=pending')).json()).toHaveLength(1);
    expect((await firm.get('/api/mujun/appeals')).json()).toEqual([]);
    expect((await otherClerk.get('/api/mujun/appeals')).json()).toEqual([]); // a department, not a town: no enterprises
  });

  it('lets an enterprise appeal only for itself, with evidence, and only on a scored enterprise', async () => {
    const demoAppeal = (await evaluator.get('/api/mujun/appeals')).json()[0];
    const other = await postMultipart(firm, '/api/mujun/appeals', {
      runId: run2022.id,
      uscc: demoAppeal.uscc,
      kind: 'class',
      reason: '类别有误',
    });
    expect(other.statusCode).toBe(404);
    // a department clerk sees no enterprise either
    const dept = await postMultipart(otherClerk, '/api/mujun/appeals', {
      runId: run2022.id,
      uscc: DEMO_ENTERPRISE_USCC,
      kind: 'class',
      reason: '类别有误',
    });
    expect(dept.statusCode).toBe(404);
    // evaluators and leaders have no right to appeal
    expect((await postMultipart(leader, '/api/mujun/appeals', { runId: run2022.id })).statusCode).toBe(403);
    // a value appeal needs the field and the value
    const noValue = await postMultipart(firm, '/api/mujun/appeals', {
      runId: run2022.id,
      uscc: DEMO_ENTERPRISE_USCC,
      kind: 'value',
      field: 'tax',
      reason: '税收少计',
    });
    expect(noValue.statusCode).toBe(422);
    const badValue = await postMultipart(firm, '/api/mujun/appeals', {
      runId: run2022.id,
      uscc: DEMO_ENTERPRISE_USCC,
      kind: 'value',
      field: 'land_mu',
      claimedValue: '-3',
      reason: '用地面积有误',
    });
    expect(badValue.statusCode).toBe(422);

    const evidence = Buffer.from('%PDF-1.4 证明材料');
    const res = await postMultipart(
      firm,
      '/api/mujun/appeals',
      { runId: run2022.id, uscc: DEMO_ENTERPRISE_USCC, kind: 'class', reason: '本企业研发投入未计入加计扣除部分，请复核类别' },
      { name: '研发费用专项审计报告.pdf', content: evidence },
    );
    expect(res.statusCode).toBe(201);
    const appeal = res.json();
    expect(appeal).toMatchObject({
      uscc: DEMO_ENTERPRISE_USCC,
      kind: 'class',
      status: 'pending',
      evidenceName: '研发费用专项审计报告.pdf',
    });
    expect((await firm.get('/api/mujun/appeals')).json().map((a: { id: string }) => a.id)).toEqual([appeal.id]);
    const dl = await evaluator.get(`/api/mujun/appeals/${appeal.id}/evidence`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(evidence)).toBe(true);
    expect((await firm.get(`/api/mujun/appeals/${appeal.id}/evidence`)).statusCode).toBe(200);
    // 白源街道 does not see a 青山镇 enterprise's appeal
    expect((await town.get(`/api/mujun/appeals/${appeal.id}/evidence`)).statusCode).toBe(404);
    expect((await town.get('/api/mujun/appeals')).json().map((a: { id: string }) => a.id)).not.toContain(appeal.id);
    // the same appeal twice while pending
    const twice = await postMultipart(firm, '/api/mujun/appeals', {
      runId: run2022.id,
      uscc: DEMO_ENTERPRISE_USCC,
      kind: 'class',
      reason: '再次申诉',
    });
    expect(twice.statusCode).toBe(409);

    // an enterprise that was not scored cannot appeal
    const [unscored] = await t.database.db
      .select({ uscc: mujunResults.uscc })
      .from(mujunResults)
      .where(and(eq(mujunResults.runId, run2022.id), inArray(mujunResults.status, ['unevaluated', 'exempt'])))
      .limit(1);
    expect(unscored).toBeDefined();
    const ctx = {
      db: t.database.db,
      clock: t.clock,
      ip: null,
      actor: {
        userId: firm.me!['id'] as string,
        name: '企业联系人',
        roles: ['enterprise'],
        unitId: null,
        personId: null,
        scope: { all: false as const, unitIds: [] },
        enterpriseUscc: unscored!.uscc,
      },
    };
    await expect(
      fileAppeal(ctx, { runId: run2022.id, uscc: unscored!.uscc, kind: 'class', reason: '请求评价' }),
    ).rejects.toMatchObject({
      status: 422,
    });
  });

  it('accepts a value appeal into a new run version; the original run stays as it was', async () => {
    const appeal = (await town.get('/api/mujun/appeals?status=pending')).json()[0];
    const before = await resultOf(run2022.id, appeal.uscc);
    const recordBefore = await snapshotRecord(run2022.id, appeal.uscc);
    expect(recordBefore['land_mu']).toBeGreaterThan(Number(appeal.claimedValue));

    expect((await town.post(`/api/mujun/appeals/${appeal.id}/accept`, { reason: '同意' })).statusCode).toBe(403);
    expect((await evaluator.post(`/api/mujun/appeals/${appeal.id}/accept`, { reason: '' })).statusCode).toBe(422);
    t.clock.advance(60_000);
    const res = await evaluator.post(`/api/mujun/appeals/${appeal.id}/accept`, {
      reason: '经自然资源局核实，收储土地已移交，予以核减',
    });
    expect(res.statusCode).toBe(200);
    const { appeal: decided, newRun } = res.json();
    expect(decided).toMatchObject({ status: 'accepted', decidedByName: '工信局评价专员', newRunId: newRun.id });
    expect(newRun).toMatchObject({
      year: 2022,
      version: run2022.version + 1,
      parentRunId: run2022.id,
      schemeId: expect.any(String),
    });
    expect(newRun.reason).toContain(`申诉 #${appeal.id.slice(0, 8)} 更正`);

    // the original run and its result are unchanged
    expect(await resultOf(run2022.id, appeal.uscc)).toEqual(before);
    expect(await snapshotRecord(run2022.id, appeal.uscc)).toEqual(recordBefore);
    // the new run: only the corrected value differs in the input, and the enterprise scores higher per mu
    const recordAfter = await snapshotRecord(newRun.id, appeal.uscc);
    expect(recordAfter).toEqual({ ...recordBefore, land_mu: Number(appeal.claimedValue) });
    const after = await resultOf(newRun.id, appeal.uscc);
    expect(after.total!).toBeGreaterThan(before.total!);
    expect(after.mujun!).toBeGreaterThan(before.mujun!);
    expect(newRun.enterpriseCount).toBe((await evaluator.get(`/api/mujun/runs/${run2022.id}`)).json().enterpriseCount);

    // decided once only
    const again = await evaluator.post(`/api/mujun/appeals/${appeal.id}/accept`, { reason: '再次采纳' });
    expect(again.statusCode).toBe(409);
    expect((await evaluator.post(`/api/mujun/appeals/${appeal.id}/reject`, { reason: '驳回' })).statusCode).toBe(409);
    expect((await evaluator.get('/api/mujun/runs?year=2022')).json()).toHaveLength(2);
  });

  it('accepts a class appeal only with corrections, rejects with a reason, and audits every step', async () => {
    const appeal = (await firm.get('/api/mujun/appeals')).json()[0];
    const noCorrection = await evaluator.post(`/api/mujun/appeals/${appeal.id}/accept`, { reason: '同意' });
    expect(noCorrection.statusCode).toBe(422);
    const badField = await evaluator.post(`/api/mujun/appeals/${appeal.id}/accept`, {
      reason: '同意',
      corrections: [{ field: 'uscc', value: 'x' }],
    });
    expect(badField.statusCode).toBe(422);
    expect((await evaluator.post(`/api/mujun/appeals/${appeal.id}/reject`, { reason: '  ' })).statusCode).toBe(422);
    const rej = await evaluator.post(`/api/mujun/appeals/${appeal.id}/reject`, { reason: '研发费用以税务部门认定的数据为准' });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', decisionReason: '研发费用以税务部门认定的数据为准', newRunId: null });
    expect((await evaluator.post(`/api/mujun/appeals/${appeal.id}/reject`, { reason: '再驳回' })).statusCode).toBe(409);
    expect((await firm.get('/api/mujun/appeals?status=rejected')).json()).toHaveLength(1);

    const [stored] = await t.database.db.select().from(mujunAppeals).where(eq(mujunAppeals.id, appeal.id));
    expect(stored!.decidedBy).not.toBeNull();
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['mujun.appeal.create', 'mujun.appeal.accept', 'mujun.appeal.reject']))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'mujun.appeal.accept',
      'mujun.appeal.create',
      'mujun.appeal.create',
      'mujun.appeal.reject',
    ]);
    const accept = audit.find((a) => a.action === 'mujun.appeal.accept')!;
    expect(accept.actorName).toBe('工信局评价专员');
    expect((accept.after as { newRunId: string }).newRunId).toEqual(expect.any(String));
    const runAudit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'mujun.run.create'),
          eq(auditEvents.targetId, (accept.after as { newRunId: string }).newRunId),
        ),
      );
    expect((runAudit[0]!.after as { parentRunId: string }).parentRunId).toBe(run2022.id);
  });

  it('answers 404 for an unknown appeal and 403 without the right', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await evaluator.post(`/api/mujun/appeals/${missing}/reject`, { reason: 'x' })).statusCode).toBe(404);
    expect((await evaluator.get(`/api/mujun/appeals/${missing}/evidence`)).statusCode).toBe(404);
    const admin = await signIn(t, 'admin');
    expect((await admin.get('/api/mujun/appeals')).statusCode).toBe(403);
  });
});
