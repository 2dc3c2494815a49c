import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, people, units } from '../../../db/schema.js';
import { withControlChars } from '../../../../test/xlsx-escapes.js';
import { backends, signIn, startTestApp, upload, type Agent, type TestApp } from '../../../../test/harness.js';

async function workbook(header: (string | number)[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends())('organisation on %s', (backend) => {
  let t: TestApp;
  let admin: Agent;
  let clerk: Agent;
  let leader: Agent;
  let head: Agent;
  const unitId = async (code: string) => (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;
  const personIn = async (code: string) =>
    (
      await t.database.db
        .select()
        .from(people)
        .where(eq(people.unitId, await unitId(code)))
    )[0]!.id;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await signIn(t, 'admin');
    clerk = await signIn(t, 'swj.clerk');
    leader = await signIn(t, 'leader.industry');
    head = await signIn(t, 'gxj.head');
  });
  afterAll(() => t.close());

  it('serves the demo district as a unit tree', async () => {
    const items = (await clerk.get('/api/units')).json().items as { code: string; parentId: string | null; kind: string }[];
    expect(items.length).toBeGreaterThanOrEqual(30);
    const roots = items.filter((u) => u.parentId === null);
    expect(roots.map((u) => u.code)).toEqual(['GOV']);
    expect(items.filter((u) => u.kind === 'department').length).toBeGreaterThanOrEqual(17);
    expect(items.some((u) => u.kind === 'township')).toBe(true);
    expect(items.some((u) => u.kind === 'park')).toBe(true);
  });

  it('lets the system administrator create and edit units, audited with before and after', async () => {
    const parentId = await unitId('GOV');
    const res = await admin.post('/api/units', { code: 'TEST-A', name: '测试局', kind: 'department', parentId });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const upd = await admin.patch(`/api/units/${id}`, { name: '测试局（更名）' });
    expect(upd.json().name).toBe('测试局（更名）');
    const [ev] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'unit.update'));
    expect(ev).toMatchObject({ targetId: id, before: { name: '测试局' }, after: { name: '测试局（更名）' } });
    expect(ev!.actorId).toBe(admin.me!.id);
  });

  it('refuses a cycle in the tree and a duplicate code, writing nothing', async () => {
    const gov = await unitId('GOV');
    const office = await unitId('GOV-OFFICE');
    const cyc = await admin.patch(`/api/units/${gov}`, { parentId: office });
    expect(cyc.statusCode).toBe(422);
    expect(cyc.json().error.details[0].field).toBe('parentId');
    const before = await t.database.db.select({ n: count() }).from(auditEvents);
    const dup = await admin.post('/api/units', { code: 'GXJ', name: '重复', kind: 'department' });
    expect(dup.statusCode).toBe(409);
    const after = await t.database.db.select({ n: count() }).from(auditEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('keeps a clerk inside their own unit: another unit’s person is 404', async () => {
    const other = await personIn('GXJ');
    const res = await clerk.get(`/api/people/${other}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    // a clerk may not edit people at all: 403, whatever the row
    expect((await clerk.patch(`/api/people/${other}`, { title: 'x' })).statusCode).toBe(403);
    const own = await personIn('SWJ');
    expect((await clerk.get(`/api/people/${own}`)).statusCode).toBe(200);
    const list = (await clerk.get('/api/people?pageSize=200')).json();
    const swj = await unitId('SWJ');
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((p: { unitId: string }) => p.unitId === swj)).toBe(true);
    // filtering by another unit reveals nothing either
    expect((await clerk.get(`/api/people?unitId=${await unitId('GXJ')}`)).json().total).toBe(0);
  });

  it('shows a leader the people of their portfolio (分管线) only', async () => {
    const list = (await leader.get('/api/people?pageSize=200')).json().items as { unitId: string }[];
    const allowed = new Set([...(await Promise.all(['GXJ', 'KJJ', 'SWJ', 'P-AYKF', 'P-KCC', 'GOV'].map(unitId)))]);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p) => allowed.has(p.unitId))).toBe(true);
    expect((await leader.get(`/api/people/${await personIn('JYJ')}`)).statusCode).toBe(404);
  });

  it('lets a unit head maintain their own unit’s people only', async () => {
    const gxj = await unitId('GXJ');
    const ok = await head.post('/api/people', { name: '新同事', unitId: gxj, title: '科员' });
    expect(ok.statusCode).toBe(201);
    const other = await head.post('/api/people', { name: '外单位', unitId: await unitId('SWJ') });
    expect(other.statusCode).toBe(403);
    // editing a person of another unit: the row does not exist for this head
    const foreign = await head.patch(`/api/people/${await personIn('SWJ')}`, { title: '改' });
    expect(foreign.statusCode).toBe(404);
  });

  it('sets a leader’s portfolio', async () => {
    const leaders = (await admin.get('/api/leaders')).json().items as { personId: string; title: string; unitIds: string[] }[];
    const safety = leaders.find((l) => l.title === '副区长（分管应急管理）')!;
    const res = await admin.put(`/api/leaders/${safety.personId}/portfolio`, {
      unitIds: [await unitId('YJJ'), await unitId('SCJ')],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .units.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['区市场监督管理局', '区应急管理局'].sort());
    expect((await clerk.put(`/api/leaders/${safety.personId}/portfolio`, { unitIds: [] })).statusCode).toBe(403);
  });

  it('imports units from Excel and updates them on a second import', async () => {
    const file = await workbook(
      ['单位编码*', '单位名称*', '简称', '类型*', '上级单位编码', '排序'],
      [
        ['IMP-CHILD', '导入子单位', '子', '部门', 'IMP-PARENT', 2],
        ['IMP-PARENT', '导入上级单位', '上级', '部门', 'GOV', 1],
      ],
    );
    const res = await upload(admin, '/api/import/units', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const again = await upload(admin, '/api/import/units', file);
    expect(again.json()).toEqual({ created: 0, updated: 2 });
    const child = (await t.database.db.select().from(units).where(eq(units.code, 'IMP-CHILD')))[0]!;
    expect(child.parentId).toBe(await unitId('IMP-PARENT'));
  });

  it('imports nothing when any row is wrong, and says which row and column', async () => {
    const before = (await t.database.db.select({ n: count() }).from(people))[0]!.n;
    const file = await workbook(
      ['姓名*', '单位编码*', '职务', '电话', '排序'],
      [
        ['甲', 'GXJ', '科员', '', 1],
        ['', 'GXJ', '科员', '', 2],
        ['丙', 'NO-SUCH', '科员', '', 'abc'],
      ],
    );
    const res = await upload(admin, '/api/import/people', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.message).toContain('未导入任何数据');
    expect(res.json().error.details).toEqual([
      { row: 3, column: 'A', message: '“姓名”不能为空' },
      { row: 4, column: 'B', message: '单位编码“NO-SUCH”不存在' },
      { row: 4, column: 'E', message: '“排序”须为整数' },
    ]);
    const after = (await t.database.db.select({ n: count() }).from(people))[0]!.n;
    expect(after).toBe(before);
  });

  it('refuses a file that is not Excel, a missing column, and an oversized upload', async () => {
    const garbage = await upload(admin, '/api/import/units', Buffer.from('not a spreadsheet'));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.message).toContain('.xlsx');
    const noCol = await upload(admin, '/api/import/units', await workbook(['名称'], [['x']]));
    expect(noCol.json().error.details[0]).toEqual({ row: 1, column: '', message: '缺少必填列“单位编码”' });
    const big = await upload(admin, '/api/import/units', Buffer.alloc(6 * 1024 * 1024, 65));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(clerk, '/api/import/units', await workbook(['单位编码'], [['x']]))).statusCode).toBe(403);
  });

  it('refuses a cell with a control character, naming row and column, and imports nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(people))[0]!.n;
    const file = await withControlChars(
      await workbook(
        ['姓名*', '单位编码*', '职务', '电话', '排序'],
        [
          ['甲', 'GXJ', '科员', '', 1],
          ['乙{NUL}', 'GXJ', '科{BEL}员', '', 2],
        ],
      ),
      { '{NUL}': '\u0000', '{BEL}': '\u0007' },
    );
    const res = await upload(admin, '/api/import/people', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details).toEqual([
      { row: 3, column: 'A', message: '“姓名”含有控制字符（如 NUL），请删除后重新导入' },
      { row: 3, column: 'C', message: '“职务”含有控制字符（如 NUL），请删除后重新导入' },
    ]);
    expect((await t.database.db.select({ n: count() }).from(people))[0]!.n).toBe(before);
    const units = await withControlChars(await workbook(['单位编码*', '单位名称*', '类型*'], [['C{ESC}1', '单位', '部门']]), {
      '{ESC}': '\u001b',
    });
    const r2 = await upload(admin, '/api/import/units', units);
    expect(r2.json().error.details).toEqual([{ row: 2, column: 'A', message: '“单位编码”含有控制字符（如 NUL），请删除后重新导入' }]);
  });

  it('serves import templates that import back cleanly after editing', async () => {
    const res = await admin.get('/api/import/templates/units');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('单位编码*');
  });
});
