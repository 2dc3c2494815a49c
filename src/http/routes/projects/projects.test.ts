import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, projectAcceptances, projectEvents, projectReports, projects, tasks } from '../../../db/schema.js';
import { DEMO_ENTERPRISE_USCC } from '../../../demo/anyuan.js';
import { backends, signIn, startTestApp, upload, type Agent, type TestApp } from '../../../../test/harness.js';
import { leaderIdOf, unitIdOf } from '../../../../test/factories.js';
import { systemActor } from '../../../services/context.js';
import { insertProject, type ProjectInput } from '../../../services/projects/write.js';
import { readReport } from '../../../services/meetings/read-report.js';
import { findPdfFont } from '../../../services/pdf/document.js';

// test clock: 2 March 2026; 商务局 (swj.clerk) is the demo's investment bureau
describe.each(backends())('industrial projects on %s', (backend) => {
  let t: TestApp;
  let sup: Agent; // 督查室
  let swj: Agent; // 商务局 clerk: keeps the register
  let gxj: Agent; // 工信局 head: lead unit of the project below
  let baiyuan: Agent; // a street outside the project
  let leader: Agent; // 分管工业
  let body: (over?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  let id: string;
  const projectCount = async () => (await t.database.db.select({ n: count() }).from(projects))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp(backend);
    sup = await signIn(t, 'duchashi');
    swj = await signIn(t, 'swj.clerk');
    gxj = await signIn(t, 'gxj.head');
    baiyuan = await signIn(t, 'baiyuan.clerk');
    leader = await signIn(t, 'leader.industry');
    const gxjId = await unitIdOf(t, 'GXJ');
    const zrj = await unitIdOf(t, 'ZRJ');
    const park = await unitIdOf(t, 'P-AYKF');
    const leaderId = await leaderIdOf(t, '副区长（分管工业）');
    body = async (over = {}) => ({
      name: '年产 10 万件先进陶瓷项目',
      investorName: '萍乡市鑫诚环保科技有限公司',
      investorUscc: DEMO_ENTERPRISE_USCC,
      investorFlags: ['listed'],
      source: 'fund',
      fundName: '安源区工业发展基金',
      industryCode: 'C3073',
      track: '新材料',
      totalInvestment: 50000,
      fixedInvestment: 40000,
      yearPlanInvestment: 12000,
      landMu: 100,
      placeUnitId: park,
      leaderId,
      leadUnitId: gxjId,
      coopUnitIds: [zrj],
      listYear: 2026,
      planned: { signed: '2026-01-20', land: '2026-02-25', started: '2026-06-30', full: '2027-12-31' },
      ...over,
    });
  });
  afterAll(() => t.close());

  it('lets the investment bureau create a project and numbers it', async () => {
    const res = await swj.post('/api/projects', await body());
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().number).toBe('AY-XM-2026-001');
    const p = (await swj.get(`/api/projects/${id}`)).json();
    expect(p).toMatchObject({ state: 'negotiating', leadUnitName: '工信局', placeName: '安源经开区', commitments: null });
    expect(p.stages[0]).toMatchObject({ stage: 'negotiating', actualOn: '2026-03-02' });
    expect(p.events[0]).toMatchObject({ action: 'create', toState: 'negotiating' });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audit.map((a) => a.action)).toContain('project.create');
  });

  it('refuses bad input with every problem named, and stores nothing', async () => {
    const before = await projectCount();
    const res = await swj.post(
      '/api/projects',
      await body({
        investorUscc: '91360302MA3ABUR05X',
        fundName: null,
        planned: { signed: '2026-05-01', land: '2026-04-01' },
        coopUnitIds: ['00000000-0000-4000-8000-000000000000'],
        track: '不存在的赛道',
      }),
    );
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['coopUnitIds', 'fundName', 'investorUscc', 'planned.land', 'track']);
    expect((await swj.post('/api/projects', await body({ totalInvestment: -1 }))).statusCode).toBe(422);
    expect((await swj.post('/api/projects', await body({ name: '项目\u0007' }))).statusCode).toBe(422);
    expect(await projectCount()).toBe(before);
  });

  it('keeps the register to 督查室 and the investment bureau', async () => {
    expect((await gxj.post('/api/projects', await body())).statusCode).toBe(403);
    expect((await leader.post('/api/projects', await body())).statusCode).toBe(403);
  });

  it('scopes the ledger: the lead unit and the 包抓 leader see it, another street does not', async () => {
    const ids = async (a: Agent) => (await a.get('/api/projects')).json().items.map((r: { id: string }) => r.id);
    expect(await ids(gxj)).toEqual([id]);
    expect(await ids(leader)).toEqual([id]);
    expect(await ids(sup)).toEqual([id]);
    expect(await ids(baiyuan)).toEqual([]);
    expect((await baiyuan.get(`/api/projects/${id}`)).statusCode).toBe(404);
    expect((await gxj.get('/api/projects')).json().canManage).toBe(false);
    expect((await swj.get('/api/projects')).json().canManage).toBe(true);
  });

  it('moves stages only in order; 供地 fixes the 标准地 commitments; going back is 督查室’s, with a reason', async () => {
    let v = (await swj.get(`/api/projects/${id}`)).json().version;
    const skip = await swj.post(`/api/projects/${id}/stage`, { to: 'land', on: '2026-02-01', version: v });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.details[0].message).toBe('须按顺序推进：下一阶段是“签约”，不能直接进入“供地”');
    const future = await swj.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-04-01', version: v });
    expect(future.statusCode).toBe(422);
    expect((await swj.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-03-02', version: v + 5 })).statusCode).toBe(409);
    expect((await swj.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-03-02', version: v })).statusCode).toBe(200);
    v++;
    const land = await swj.post(`/api/projects/${id}/stage`, {
      to: 'land',
      on: '2026-03-02',
      version: v,
      evidence: '土地出让合同 萍安土出〔2026〕3号',
      overrides: [{ indicatorId: 'tax_per_mu', value: 20, reason: '投资协议约定' }],
    });
    expect(land.statusCode).toBe(200);
    v++;
    const p = (await gxj.get(`/api/projects/${id}`)).json();
    expect(p.state).toBe('land');
    const tax = p.commitments.find((c: { indicatorId: string }) => c.indicatorId === 'tax_per_mu');
    expect(tax).toMatchObject({ value: 20, tableValue: 12, overrideReason: '投资协议约定' });
    expect(p.commitments.find((c: { indicatorId: string }) => c.indicatorId === 'investment_intensity').value).toBe(220);
    const back = await swj.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-03-02', reason: '土地未交付', version: v });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.details[0].message).toBe('退回到之前的阶段须由督查室办理');
    expect((await sup.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-03-02', version: v })).statusCode).toBe(422);
    expect((await sup.post(`/api/projects/${id}/stage`, { to: 'signed', on: '2026-03-02', reason: '土地未交付', version: v })).statusCode).toBe(200);
    v++;
    const after = (await gxj.get(`/api/projects/${id}`)).json();
    expect(after.state).toBe('signed');
    expect(after.stages.find((s: { stage: string }) => s.stage === 'land').actualOn).toBeNull();
    expect(after.events[0]).toMatchObject({ action: 'stage_back', comment: '土地未交付' });
    // the planned 供地 date (25 February) has passed without the stage: red, through the one set of rules
    expect(after.light).toBe('red');
    expect(after.lightReasons[0].message).toBe('节点“供地”已逾期 5 天');
    expect((await sup.get('/api/projects?behind=true')).json().items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('takes the lead unit’s monthly report, replaces a month filed twice, and refuses the wrong ones', async () => {
    const report = { month: '2026-02', investmentMonth: 1500, progress: '完成项目备案', problems: '施工用电增容需协调供电公司' };
    expect((await gxj.post(`/api/projects/${id}/reports`, report)).statusCode).toBe(201);
    expect((await gxj.post(`/api/projects/${id}/reports`, { ...report, investmentMonth: 1800 })).json().investmentToDate).toBe(1800);
    expect((await gxj.post(`/api/projects/${id}/reports`, { ...report, month: '2026-01', investmentMonth: 200, problems: '' })).json().investmentToDate).toBe(2000);
    const rows = await t.database.db.select().from(projectReports).where(eq(projectReports.projectId, id)).orderBy(projectReports.month);
    expect(rows.map((r) => [r.month, r.investmentToDate])).toEqual([
      ['2026-01', 200],
      ['2026-02', 2000],
    ]);
    expect((await gxj.post(`/api/projects/${id}/reports`, { ...report, month: '2026-04' })).statusCode).toBe(422);
    expect((await gxj.post(`/api/projects/${id}/reports`, { ...report, month: '2026-13' })).statusCode).toBe(422);
    expect((await baiyuan.post(`/api/projects/${id}/reports`, report)).statusCode).toBe(404);
    expect((await leader.post(`/api/projects/${id}/reports`, report)).statusCode).toBe(403);
    const p = (await sup.get(`/api/projects/${id}`)).json();
    expect(p).toMatchObject({ investmentToDate: 2000, latestReportMonth: '2026-02' });
  });

  it('turns a report’s problems into a tracked task linked to the project', async () => {
    const p = (await swj.get(`/api/projects/${id}`)).json();
    const feb = p.reports.find((r: { month: string }) => r.month === '2026-02');
    const jan = p.reports.find((r: { month: string }) => r.month === '2026-01');
    expect((await gxj.post(`/api/projects/${id}/tasks`, { reportId: feb.id })).statusCode).toBe(403);
    expect((await swj.post(`/api/projects/${id}/tasks`, { reportId: jan.id })).statusCode).toBe(422);
    const res = await swj.post(`/api/projects/${id}/tasks`, { reportId: feb.id });
    expect(res.statusCode).toBe(201);
    const [task] = await t.database.db.select().from(tasks).where(eq(tasks.id, res.json().id));
    expect(task).toMatchObject({ sourceKind: 'project', status: 'draft', requirement: '施工用电增容需协调供电公司', leadUnitId: p.leadUnitId });
    const detail = (await sup.get(`/api/projects/${id}`)).json();
    expect(detail.tasks.map((x: { id: string }) => x.id)).toEqual([res.json().id]);
    // the draft is the supervision office's until assigned: the lead unit sees the project, not yet the task
    expect((await gxj.get(`/api/projects/${id}`)).json().tasks).toEqual([]);
  });

  it('keeps evidence files, refusing types it does not keep', async () => {
    const ok = await upload(gxj, `/api/projects/${id}/files`, Buffer.from('%PDF-1.4 demo'), '备案通知书.pdf');
    expect(ok.statusCode).toBe(201);
    const file = await gxj.get(`/api/projects/${id}/files/${ok.json().id}`);
    expect(file.body).toBe('%PDF-1.4 demo');
    expect((await upload(gxj, `/api/projects/${id}/files`, Buffer.from('MZ'), 'setup.exe')).statusCode).toBe(422);
    expect((await baiyuan.get(`/api/projects/${id}/files/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('runs 对标验收 on the enterprise’s 亩均 data when in production', async () => {
    const early = await swj.post(`/api/projects/${id}/acceptance`, { year: 2022, entered: {} });
    expect(early.statusCode).toBe(409);
    let v = (await swj.get(`/api/projects/${id}`)).json().version;
    for (const to of ['land', 'started', 'completed', 'producing']) {
      const r = await swj.post(`/api/projects/${id}/stage`, { to, on: '2026-03-02', version: v });
      expect(r.statusCode, `${to}: ${r.body}`).toBe(200);
      v++;
    }
    expect((await swj.post(`/api/projects/${id}/acceptance`, { year: 2022, entered: { nope: 1 } })).statusCode).toBe(422);
    expect((await swj.post(`/api/projects/${id}/acceptance`, { year: 2031, entered: {} })).statusCode).toBe(422);
    const res = await swj.post(`/api/projects/${id}/acceptance`, { year: 2022, entered: { plot_ratio: 0.5 } });
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out.verdict).toBe('fail'); // 容积率 0.5 is below the committed 0.8
    expect(out.rectifyBy).toBe('2027-03-02');
    const p = (await sup.get(`/api/projects/${id}`)).json();
    const ind = p.acceptances[0].result.indicators;
    const plot = ind.find((i: { indicatorId: string }) => i.indicatorId === 'plot_ratio');
    expect(plot).toMatchObject({ committed: 0.8, actual: 0.5, from: 'entered', verdict: 'fail', shortfall: 0.3 });
    const intensity = ind.find((i: { indicatorId: string }) => i.indicatorId === 'investment_intensity');
    expect(intensity).toMatchObject({ committed: 220, actual: 400, from: 'data', verdict: 'pass' });
    const tax = ind.find((i: { indicatorId: string }) => i.indicatorId === 'tax_per_mu');
    expect(tax.from).toBe('data'); // computed from the demo enterprise's 2022 tax and land
    expect(p.acceptanceVerdict).toBe('fail');
    expect((await sup.get('/api/projects?verdict=fail')).json().total).toBe(1);
  });

  it('writes the 承诺书 (.docx) after 供地 and the acceptance report (PDF), inside the reader’s scope', async () => {
    const docx = await gxj.get(`/api/projects/${id}/pledge.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await readReport(docx.rawPayload, 'pledge.docx');
    expect(text).toContain('标准地项目投资建设承诺书');
    expect(text).toContain('萍乡市鑫诚环保科技有限公司');
    // 供地 was entered again after the return, without an override this time: the table's value holds
    expect(text).toMatch(/亩均税收[\s\S]*不低于 12[\s\S]*执行区域标准/);
    expect((await baiyuan.get(`/api/projects/${id}/pledge.docx`)).statusCode).toBe(404);
    const fresh = (await swj.post('/api/projects', await body({ name: '尚在洽谈的项目', listYear: 2025 }))).json().id;
    expect((await swj.get(`/api/projects/${fresh}/pledge.docx`)).statusCode).toBe(409);
    const acceptance = (await swj.get(`/api/projects/${id}`)).json().acceptances[0].id;
    const pdf = await gxj.get(`/api/projects/${id}/acceptances/${acceptance}/report.pdf`);
    if (!findPdfFont()) {
      console.warn('[notice] no CJK font on this machine: the acceptance PDF must answer 503');
      expect(pdf.statusCode).toBe(503);
    } else {
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      expect((pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length).toBe(1);
    }
    expect((await baiyuan.get(`/api/projects/${id}/acceptances/${acceptance}/report.pdf`)).statusCode).toBe(404);
  }, 60_000);

  it('takes an appeal against an acceptance and judges again with the claimed value when accepted', async () => {
    const form = (fields: Record<string, string>, file?: { name: string; content: string }) => {
      const b = `----luoshi${Math.random().toString(16).slice(2)}`;
      let body = '';
      for (const [k, v] of Object.entries(fields)) body += `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
      if (file) body += `--${b}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.content}\r\n`;
      body += `--${b}--\r\n`;
      return { body: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
    };
    const acceptance = (await swj.get(`/api/projects/${id}`)).json().acceptances[0].id;
    const fields = { acceptanceId: acceptance, indicatorId: 'plot_ratio', claimedValue: '1.2', reason: '容积率以规划核实为准' };
    const send = (a: Agent, f: Record<string, string>, file?: { name: string; content: string }) => {
      const { body: b, headers } = form(f, file);
      return a.request('POST', `/api/projects/${id}/appeals`, b, headers);
    };
    expect((await send(leader, fields)).statusCode).toBe(403);
    expect((await send(baiyuan, fields)).statusCode).toBe(404);
    expect((await send(gxj, { ...fields, indicatorId: 'investment_intensity' })).statusCode).toBe(422); // it passed
    expect((await send(gxj, { ...fields, reason: '' })).statusCode).toBe(422);
    const filed = await send(gxj, fields, { name: '规划核实意见.pdf', content: '%PDF-1.4 plan' });
    expect(filed.statusCode, filed.body).toBe(201);
    const appealId = filed.json().id;
    expect((await send(gxj, fields)).statusCode).toBe(409);
    expect((await gxj.get(`/api/projects/${id}/appeals/${appealId}/evidence`)).body).toBe('%PDF-1.4 plan');
    // the investor's own contact sees the project and its appeal
    const firm = await signIn(t, 'qiye.demo');
    expect((await firm.get('/api/projects')).json().items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await firm.get(`/api/projects/${id}`)).json().appeals[0]).toMatchObject({ id: appealId, status: 'pending' });
    expect((await gxj.post(`/api/projects/${id}/appeals/${appealId}/accept`, { reason: '同意' })).statusCode).toBe(403);
    expect((await swj.post(`/api/projects/${id}/appeals/${appealId}/accept`, { reason: ' ' })).statusCode).toBe(422);
    t.clock.advance(60_000); // decided a minute after filing: the new acceptance is the latest
    const ok = await swj.post(`/api/projects/${id}/appeals/${appealId}/accept`, { reason: '经规划核实，容积率 1.2' });
    expect(ok.statusCode, ok.body).toBe(200);
    const p = (await swj.get(`/api/projects/${id}`)).json();
    expect(p.acceptances).toHaveLength(2);
    expect(p.acceptances[0].id).toBe(ok.json().acceptance.acceptanceId);
    const plot = p.acceptances[0].result.indicators.find((i: { indicatorId: string }) => i.indicatorId === 'plot_ratio');
    expect(plot).toMatchObject({ actual: 1.2, from: 'entered', verdict: 'pass' });
    expect(p.appeals[0]).toMatchObject({ status: 'accepted', newAcceptanceId: p.acceptances[0].id });
    expect((await swj.post(`/api/projects/${id}/appeals/${appealId}/reject`, { reason: '晚了' })).statusCode).toBe(409);
  });

  it('shows the pipeline with the named targets', async () => {
    const p = (await gxj.get('/api/projects/pipeline?year=2026')).json();
    expect(p.total).toBe(1);
    expect(p.funnel.map((f: { count: number }) => f.count)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(p.targets.find((x: { id: string }) => x.id === 'fund')).toMatchObject({ done: 1, target: 6, met: false });
    expect(p.targets.find((x: { id: string }) => x.id === 'central_soe')).toMatchObject({ done: 0, target: 1 });
    expect(p.months[0]).toMatchObject({ month: '2026-01', investment: 200, planCumulative: 1000 });
    expect(p.months[1]).toMatchObject({ month: '2026-02', cumulative: 2000 });
    expect((await gxj.get('/api/projects/pipeline?year=1999')).statusCode).toBe(422);
  });

  it('lets only 督查室 change the settings, and checks the control table', async () => {
    const s = (await swj.get('/api/projects/settings')).json();
    expect(s.controlTable.illustrative).toBe(true);
    expect((await swj.put('/api/projects/settings', s)).statusCode).toBe(403);
    const bad = structuredClone(s);
    bad.controlTable.indicators[1].formula = 'taxx / land_mu';
    const res = await sup.put('/api/projects/settings', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ field: 'controlTable.indicators.1.formula' });
    expect((await sup.put('/api/projects/settings', { ...s, reportDueDay: 10 })).json().reportDueDay).toBe(10);
  });

  it('runs the yearly 对标验收 of every due project at once, stored with its events and audit, once per data year', async () => {
    expect((await gxj.post('/api/projects/acceptances', { year: 2021 })).statusCode).toBe(403);
    expect((await swj.post('/api/projects/acceptances', { year: 2031 })).statusCode).toBe(422);
    // two earlier projects of the demo firm, entered as the yearly list import does: 投产 in 2019 (acceptance due
    // since 2022) and in 2024 (due in 2027); this test's project only went into production today
    const ctx = { db: t.database.db, clock: t.clock, actor: systemActor('测试'), ip: null };
    const earlier = async (producing: string) =>
      t.database.db.transaction(async (tx) =>
        insertProject(
          tx,
          { ...ctx, db: tx },
          { ...((await body({ name: `技改扩产项目（${producing.slice(0, 4)} 年投产）`, listYear: 2018, planned: {} })) as unknown as ProjectInput) },
          { actual: { negotiating: '2018-03-01', signed: '2018-05-01', land: '2018-08-01', started: '2018-10-01', completed: '2019-03-01', producing } },
        ),
      );
    const dueOne = await earlier('2019-05-01');
    const notYet = await earlier('2024-01-10');
    const res = await swj.post('/api/projects/acceptances', { year: 2021 });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ year: 2021, judged: 1 });
    expect(out.pass + out.fail + out.incomplete).toBe(1);
    const results = out.results as { projectId: string; acceptanceId: string; verdict: string }[];
    expect(results.map((r) => r.projectId)).toEqual([dueOne.id]);
    expect(results.map((r) => r.projectId)).not.toContain(notYet.id);
    expect(results.map((r) => r.projectId)).not.toContain(id);
    const ids = results.map((r) => r.projectId);
    const stored = await t.database.db.select().from(projectAcceptances).where(eq(projectAcceptances.year, 2021));
    expect(stored.map((a) => a.id).sort()).toEqual(results.map((r) => r.acceptanceId).sort());
    const verdicts = await t.database.db.select({ id: projects.id, v: projects.acceptanceVerdict }).from(projects).where(inArray(projects.id, ids));
    expect(Object.fromEntries(verdicts.map((x) => [x.id, x.v]))).toEqual(Object.fromEntries(results.map((r) => [r.projectId, r.verdict])));
    const events = await t.database.db
      .select()
      .from(projectEvents)
      .where(and(eq(projectEvents.action, 'acceptance'), inArray(projectEvents.projectId, ids), sql`${projectEvents.data} ->> 'year' = '2021'`));
    expect(events.map((e) => e.data!['acceptanceId']).sort()).toEqual(results.map((r) => r.acceptanceId).sort());
    const audit = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'project.acceptance'), inArray(auditEvents.targetId, ids), sql`${auditEvents.after} -> 'data' ->> 'year' = '2021'`));
    expect(audit[0]!.n).toBe(out.judged);
    const detail = (await sup.get(`/api/projects/${ids[0]}`)).json();
    expect(detail.acceptances[0]).toMatchObject({ year: 2021, verdict: results[0]!.verdict });
    // judged once per data year: a second run finds nothing due
    expect((await swj.post('/api/projects/acceptances', { year: 2021 })).json().judged).toBe(0);
  });

  it('refuses a stale edit with 409 and keeps a fresh one', async () => {
    const p = (await swj.get(`/api/projects/${id}`)).json();
    const edit = await swj.put(`/api/projects/${id}`, { ...(await body({ name: '改名后的项目' })), version: p.version });
    expect(edit.statusCode).toBe(200);
    expect((await swj.put(`/api/projects/${id}`, { ...(await body()), version: p.version })).statusCode).toBe(409);
    expect((await gxj.get(`/api/projects/${id}`)).json().name).toBe('改名后的项目');
  });
});
