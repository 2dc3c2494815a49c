import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { tasks } from '../../../db/schema.js';
import { withControlChars } from '../../../../test/xlsx-escapes.js';
import { backends, signIn, startTestApp, upload, type Agent, type TestApp } from '../../../../test/harness.js';
import { leaderIdOf, taskBody, unitIdOf } from '../../../../test/factories.js';

describe.each(backends())('ledger, export, import and attachments on %s', (backend) => {
  let t: TestApp;
  let sup: Agent;
  let clerk: Agent; // 商务局
  let head: Agent; // 工信局
  let leader: Agent; // 分管工业
  let swjTask: string;
  let jyjTask: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    sup = await signIn(t, 'duchashi');
    clerk = await signIn(t, 'swj.clerk');
    head = await signIn(t, 'gxj.head');
    leader = await signIn(t, 'leader.industry');
    const make = async (over: Record<string, unknown>) => {
      const { id } = (await sup.post('/api/tasks', await taskBody(t, over))).json();
      await sup.post(`/api/tasks/${id}/actions/assign`, {});
      return id as string;
    };
    swjTask = await make({ title: '出台促进消费的若干举措' });
    jyjTask = await make({
      title: '新增托幼园位三千个',
      sourceKind: 'livelihood',
      leadUnitId: await unitIdOf(t, 'JYJ'),
      coopUnitIds: [await unitIdOf(t, 'ZJJ')],
      leadLeaderId: await leaderIdOf(t, '副区长（分管社会事业）'),
      deadline: '2026-03-01',
      milestones: [],
    });
    secret = jyjTask;
    // a draft nobody but 督查室 sees
    await sup.post('/api/tasks', await taskBody(t, { title: '尚未交办的草稿' }));
  });
  afterAll(() => t.close());

  it('shows a clerk only tasks its unit takes part in — in the list and in search', async () => {
    const all = (await clerk.get('/api/tasks?pageSize=200')).json();
    expect(all.items.map((r: { id: string }) => r.id)).toEqual([swjTask]);
    expect((await clerk.get(`/api/tasks?q=${encodeURIComponent('托幼')}`)).json().total).toBe(0);
    expect((await clerk.get(`/api/tasks?unitId=${await unitIdOf(t, 'JYJ')}`)).json().total).toBe(0);
    expect((await clerk.get(`/api/tasks/${secret}`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/tasks/${secret}/reports`)).statusCode).toBe(404);
    // the cooperating unit sees the task it helps with
    expect((await head.get('/api/tasks')).json().items.map((r: { id: string }) => r.id)).toEqual([swjTask]);
  });

  it('shows 督查室 everything, and a leader their portfolio', async () => {
    expect((await sup.get('/api/tasks')).json().total).toBe(3);
    const mine = (await leader.get('/api/tasks')).json().items.map((r: { id: string }) => r.id);
    expect(mine).toEqual([swjTask]);
  });

  it('filters by status, source, leader, deadline and overdue, and sorts on the server', async () => {
    const q = `status=assigned&sourceKind=meeting&leaderId=${await leaderIdOf(t, '副区长（分管工业）')}&sort=-deadline`;
    expect((await sup.get(`/api/tasks?${q}`)).json().items.map((r: { id: string }) => r.id)).toEqual([swjTask]);
    const overdue = (await sup.get('/api/tasks?overdue=true')).json(); // test clock: 2 March 2026
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([jyjTask]);
    expect(overdue.items[0].overdue).toBe(true);
    const byNumber = (await sup.get('/api/tasks?sort=number')).json().items.map((r: { number: string }) => r.number);
    expect(byNumber).toEqual([...byNumber].sort());
    expect((await sup.get('/api/tasks?status=nonsense')).statusCode).toBe(422);
  });

  it('exports the ledger in the offices’ layout, one sheet per source, scoped like the screen', async () => {
    const res = await sup.get('/api/tasks/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['会议决策', '民生实事']);
    const ws = wb.getWorksheet('民生实事')!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '事项编号',
      '任务内容',
      '牵头领导',
      '牵头单位',
      '协办单位',
      '完成时限',
      '最新进展',
      '状态',
    ]);
    const row = ws.getRow(3);
    expect(row.getCell(3).value).toBe('新增托幼园位三千个');
    expect(row.getCell(4).value).toBe('副区长（分管社会事业）');
    expect(row.getCell(5).value).toBe('区教育局');
    expect(row.getCell(6).value).toBe('区住房和城乡建设局');
    expect(row.getCell(7).value).toBe('2026-03-01');
    expect(row.getCell(9).value).toBe('已交办待签收');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(3).width).toBe(48);
    expect(ws.pageSetup.orientation).toBe('landscape');
    // the clerk's export holds its own task only
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.load((await clerk.get('/api/tasks/export')).rawPayload as unknown as ArrayBuffer);
    expect(mine.worksheets.map((w) => w.name)).toEqual(['会议决策']);
    expect(mine.worksheets[0]!.rowCount).toBe(3);
  });

  it('keeps attachments inside the task’s scope', async () => {
    await clerk.post(`/api/tasks/${swjTask}/actions/sign`, {});
    const up = await upload(clerk, `/api/tasks/${swjTask}/attachments`, Buffer.from('%PDF-1.4 demo'), '方案.pdf');
    expect(up.statusCode).toBe(201);
    const aid = up.json().id;
    expect(
      (await clerk.post(`/api/tasks/${swjTask}/reports`, { text: '方案已起草', percent: 30, attachmentIds: [aid] })).statusCode,
    ).toBe(201);
    expect((await sup.get(`/api/tasks/${swjTask}/attachments/${aid}`)).body).toBe('%PDF-1.4 demo');
    const other = await signIn(t, 'viewer');
    expect((await other.get(`/api/tasks/${swjTask}/attachments/${aid}`)).statusCode).toBe(404);
    // an attachment id under another task's path is not found either
    expect((await sup.get(`/api/tasks/${jyjTask}/attachments/${aid}`)).statusCode).toBe(404);
    expect((await upload(clerk, `/api/tasks/${jyjTask}/attachments`, Buffer.from('x'), 'a.pdf')).statusCode).toBe(404);
    expect((await upload(clerk, `/api/tasks/${swjTask}/attachments`, Buffer.from('x'), 'run.exe')).statusCode).toBe(422);
  });

  it('imports an annual key-work list all or nothing', async () => {
    const book = async (rows: (string | number | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('清单');
      ws.addRow([
        '任务内容*',
        '具体要求',
        '类别',
        '牵头领导',
        '牵头单位*',
        '协办单位',
        '完成时限*',
        '优先级',
        '报送周期',
        '报送日',
      ]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const before = (await t.database.db.select({ n: count() }).from(tasks))[0]!.n;
    const bad = await book([
      ['加快安源科创城建设', '', '创新', '副区长（分管工业）', '区科学技术局', '科创城', '2026-12-31', '重要', '每月', 28],
      ['打造全省营商环境一等县区', '', '营商环境', '无此领导', '行政审批局', '不存在局', '2026-13-01', '特急', '每天', 40],
    ]);
    const res = await upload(sup, `/api/tasks/import?title=${encodeURIComponent('2026年区政府重点工作')}`, bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { row: 3, column: 'D', message: '牵头领导“无此领导”不是区领导' },
      { row: 3, column: 'F', message: '协办单位“不存在局”不存在' },
      { row: 3, column: 'G', message: '完成时限“2026-13-01”不是有效日期（如 2022-12-31）' },
      { row: 3, column: 'H', message: '优先级须为 紧急、重要 或 一般' },
      { row: 3, column: 'I', message: '报送周期须为 每周、每月、每季度 或 一次性' },
      { row: 3, column: 'J', message: '报送日须为 1–31' },
    ]);
    expect((await t.database.db.select({ n: count() }).from(tasks))[0]!.n).toBe(before);
    const good = await book([
      [
        '加快安源科创城建设',
        '力争年内主体完工',
        '创新',
        '副区长（分管工业）',
        '区科学技术局',
        '科创城、工信局',
        '2026/12/31',
        '重要',
        '每月',
        28,
      ],
      ['打造全省营商环境一等县区', '', '营商环境', '', '行政审批局', '', '2026年11月30日', '', '每季度', ''],
    ]);
    const ok = await upload(sup, `/api/tasks/import?title=${encodeURIComponent('2026年区政府重点工作')}&sourceKind=annual`, good);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().created).toBe(2);
    const imported = (await sup.get(`/api/tasks?sourceId=${ok.json().sourceId}&sort=number`)).json().items;
    expect(imported.map((r: { title: string; status: string }) => [r.title, r.status])).toEqual([
      ['加快安源科创城建设', 'draft'],
      ['打造全省营商环境一等县区', 'draft'],
    ]);
    expect(imported[0].coopUnitNames).toEqual(['区工业和信息化局', '安源科创城']);
    expect((await upload(clerk, '/api/tasks/import?title=x', good)).statusCode).toBe(403);
  });

  it('refuses an imported task whose cell holds a control character, naming row and column, storing nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(tasks))[0]!.n;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.addRow(['任务内容*', '具体要求', '牵头单位*', '完成时限*']);
    ws.addRow(['加快{NUL}建设', '第一行\n第二行', '区商务局', '2026-12-31']);
    const file = await withControlChars(Buffer.from(await wb.xlsx.writeBuffer()), { '{NUL}': '\u0000' });
    const res = await upload(sup, `/api/tasks/import?title=${encodeURIComponent('控制字符')}`, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ row: 2, column: 'A', message: '“任务内容”含有控制字符（如 NUL），请删除后重新导入' }]);
    expect((await t.database.db.select({ n: count() }).from(tasks))[0]!.n).toBe(before);
  });

  it('gives a leader their portfolio overview, and nobody else’s', async () => {
    const me = leader.me!.personId as string;
    const view = (await leader.get(`/api/leaders/${me}/overview`)).json();
    expect(view.counts.assigned + view.counts.in_progress).toBeGreaterThanOrEqual(1);
    const social = await leaderIdOf(t, '副区长（分管社会事业）');
    expect((await leader.get(`/api/leaders/${social}/overview`)).statusCode).toBe(404);
    const supView = (await sup.get(`/api/leaders/${social}/overview`)).json();
    expect(supView.overdue.map((r: { id: string }) => r.id)).toEqual([jyjTask]);
  });
});
