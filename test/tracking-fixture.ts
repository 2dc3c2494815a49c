/** A small set of tasks in different states and lights, built through the API, for the dashboard, briefing and scores. */
import { signIn, type Agent, type TestApp } from './harness.js';
import { leaderIdOf, taskBody, unitIdOf } from './factories.js';

export interface TrackingFixture {
  sup: Agent;
  clerk: Agent; // 商务局
  ids: Record<'onTime' | 'late' | 'overdue' | 'working' | 'returned' | 'draft' | 'withdrawn', string>;
  sourceId: string;
}

export async function buildTrackingFixture(t: TestApp): Promise<TrackingFixture> {
  const sup = await signIn(t, 'duchashi');
  const clerk = await signIn(t, 'swj.clerk');
  const step = async (a: Agent, id: string, action: string, comment?: string) => {
    const res = await a.post(`/api/tasks/${id}/actions/${action}`, comment ? { comment } : {});
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  };
  const source = await sup.post('/api/task-sources', { kind: 'meeting', title: '区政府第1次常务会议', issuedOn: '2026-02-11' });
  const sourceId = source.json().id as string;
  const make = async (over: Record<string, unknown>, assign = true) => {
    const res = await sup.post('/api/tasks', await taskBody(t, { milestones: [], ...over }));
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
    const id = res.json().id as string;
    if (assign) await step(sup, id, 'assign');
    return id;
  };
  const close = async (id: string) => {
    await step(clerk, id, 'sign');
    const r = await clerk.post(`/api/tasks/${id}/reports`, { text: '已完成', percent: 100 });
    if (r.statusCode !== 201) throw new Error(`report: ${r.statusCode} ${r.body}`);
    await step(clerk, id, 'request_completion', '已全部完成');
    await step(sup, id, 'approve_completion');
  };
  const onTime = await make({ title: '出台促进消费的若干举措', sourceId });
  await close(onTime);
  const late = await make({ title: '完成老旧小区改造摸底', deadline: '2026-02-20', sourceId });
  await close(late);
  const overdue = await make({
    title: '新增托幼园位三千个',
    sourceKind: 'livelihood',
    leadUnitId: await unitIdOf(t, 'JYJ'),
    coopUnitIds: [await unitIdOf(t, 'ZJJ')],
    leadLeaderId: await leaderIdOf(t, '副区长（分管社会事业）'),
    deadline: '2026-03-01',
  });
  const working = await make({ title: '举办消费季活动', deadline: '2026-03-05', sourceId });
  await step(clerk, working, 'sign');
  await clerk.post(`/api/tasks/${working}/reports`, { text: '方案已起草', percent: 40 });
  const returned = await make({ title: '不属本单位职责的事项' });
  await step(clerk, returned, 'return', '不属本单位职责');
  const draft = await make({ title: '尚未交办的草稿' }, false);
  const withdrawn = await make({ title: '已撤销的事项' });
  await step(sup, withdrawn, 'withdraw', '情况变化');
  return { sup, clerk, ids: { onTime, late, overdue, working, returned, draft, withdrawn }, sourceId };
}
