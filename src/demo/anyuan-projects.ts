/**
 * The demo district's industrial projects: about 60 projects on the yearly lists of last year and this year, across
 * every stage (some terminated, one stage overdue, some monthly reports missed), plus earlier projects now in
 * production whose 对标验收 is run on the demo's 亩均 data — investors are demo enterprises, so pass and fail come
 * from their own figures. Deterministic given the day of loading (dates are relative to it). Illustrative only.
 */
import { monthsBetween, STAGE_IDS, stageIndex, type InvestorFlag, type ProjectSource, type ProjectState, type Stage } from '../domain/projects/lifecycle.js';
import { addDays, type IsoDate } from '../domain/time/dates.js';
import { usccCheckChar, USCC_ALPHABET } from '../domain/uscc/uscc.js';
import type { MujunRecord } from '../domain/mujun/fields.js';
import { Rng } from './anyuan-enterprises.js';
import { ILLUSTRATIVE_CONTROL_TABLE, judgeAcceptance, measureActuals, resolveCommitments } from '../domain/projects/commitments.js';

export const DEMO_TRACKS = ['电子信息', '新材料', '装备制造', '节能环保', '数字经济', '生物医药'] as const;

export interface DemoProject {
  name: string;
  investorName: string;
  investorUscc: string;
  investorFlags: InvestorFlag[];
  source: ProjectSource;
  fundName: string | null;
  industryCode: string;
  track: string;
  totalInvestment: number;
  fixedInvestment: number;
  yearPlanInvestment: number | null;
  landMu: number;
  /** Unit codes of the demo organisation. */
  place: string;
  lead: string;
  coop: string[];
  /** Leader key (src/demo/anyuan.ts LEADERS). */
  leader: string;
  listYear: number;
  state: ProjectState;
  terminatedReason: string | null;
  actual: Partial<Record<Stage, IsoDate>>;
  planned: Partial<Record<Stage, IsoDate>>;
  reports: { month: string; investmentMonth: number; progress: string; problems: string }[];
  /** Run 对标验收 on this data year, with these entered values (容积率 from the survey). */
  acceptance: { year: number; entered: Record<string, number> } | null;
}

/** Industry codes (GB/T 4754) per demo track. */
export const TRACK_INDUSTRY: Record<string, string[]> = {
  电子信息: ['C3971', 'C3982', 'C3984'],
  新材料: ['C3073', 'C3089', 'C2669'],
  装备制造: ['C3599', 'C3511', 'C3831'],
  节能环保: ['C3591', 'C2662', 'C3073'],
  数字经济: ['C3912', 'C3919', 'C3962'],
  生物医药: ['C2710', 'C2740', 'C2770'],
};
const PRODUCTS: Record<string, string[]> = {
  电子信息: ['高端电子元器件', '新型显示模组', '智能传感器', '5G 通信连接器'],
  新材料: ['高性能工业陶瓷', '新型环保填料', '特种耐火材料', '先进陶瓷膜'],
  装备制造: ['智能装备', '精密轴承', '节能电机', '工业机器人减速器'],
  节能环保: ['环保装备', '废气治理成套设备', '固废资源化利用', '余热回收装置'],
  数字经济: ['工业互联网平台', '数据中心', '智能终端', '软件和信息服务基地'],
  生物医药: ['中药配方颗粒', '医疗器械', '生物制剂', '医用材料'],
};
const INVESTORS = [
  '江西华瓷新材料集团有限公司', '深圳市创达电子科技有限公司', '浙江恒锐智能装备股份有限公司', '湖南中科环保技术有限公司',
  '广东粤芯半导体有限公司', '上海联影智能医疗科技有限公司', '北京数聚科技有限公司', '江苏恒泰精密机械有限公司',
  '福建闽新材料科技有限公司', '长沙远大住工科技有限公司', '武汉光谷信息技术有限公司', '成都天府生物医药有限公司',
];
export const FUNDS = ['萍乡市产业引导基金', '安源区工业发展基金', '江西省现代产业引导基金'];
const PLACES = ['P-AYKF', 'P-AYKF', 'P-AYKF', 'P-KCC', 'P-KCC', 'T-QS', 'T-GK', 'T-WB', 'S-BYU'];
/** Monthly progress texts by the stage a project is in. */
export const PROGRESS: Record<Stage, string[]> = {
  negotiating: ['与投资方进行第二轮洽谈'],
  signed: ['办理项目备案、环评等前期手续', '完成项目公司注册，推进土地摘牌准备'],
  land: ['完成土地摘牌，开展施工图设计', '办理建设工程规划许可'],
  started: ['主体厂房基础施工', '主体钢结构安装', '厂房封顶，开展设备基础施工'],
  completed: ['设备安装调试', '办理竣工验收备案'],
  producing: ['首条生产线试生产', '产能逐步释放'],
  full: ['全面达产'],
};
export const PROBLEMS = ['施工用电增容需协调供电公司', '项目用地周边道路尚未贯通', '环评批复进度滞后，需协调市生态环境局', '融资缺口约 3000 万元，需协调银行'];

const INTENSITY = 520; // 万元/亩 of fixed assets: above every row of the illustrative table
const PLOT_RATIO = 1.6;

/**
 * Eight above-scale demo firms for the earlier projects: those that meet every commitment of their industry on the
 * data (up to four), then those that miss (the rest) — chosen by the acceptance rules themselves, so the demo shows
 * both verdicts from real demo figures.
 */
function acceptanceFirms(enterprises: readonly MujunRecord[]): MujunRecord[] {
  const candidates = enterprises.filter((e) => e['scale'] === 'above' && typeof e['land_mu'] === 'number' && (e['land_mu'] as number) >= 20);
  const subjects = candidates.map((r) => ({ investment: null, fixedInvestment: (r['land_mu'] as number) * INTENSITY, landMu: r['land_mu'] as number, record: r }));
  const measured = measureActuals(ILLUSTRATIVE_CONTROL_TABLE, subjects);
  const pass: MujunRecord[] = [];
  const fail: MujunRecord[] = [];
  candidates.forEach((r, i) => {
    const { commitments } = resolveCommitments(ILLUSTRATIVE_CONTROL_TABLE, String(r['industry'] ?? ''), []);
    const m = new Map([...measured].map(([k, col]) => [k, col[i]!]));
    const v = judgeAcceptance(ILLUSTRATIVE_CONTROL_TABLE, commitments, m, new Map([['plot_ratio', PLOT_RATIO]]), subjects[i]!).verdict;
    if (v === 'pass') pass.push(r);
    else if (v === 'fail') fail.push(r);
  });
  const p = pass.slice(0, 4);
  return [...p, ...fail.slice(0, 8 - p.length)];
}

/** A valid 统一社会信用代码 for a demo investor (91 + 360302 + nine characters + its check character). */
export function demoUscc(rng: Rng): string {
  let body = '91360302MA';
  while (body.length < 17) body += USCC_ALPHABET[rng.int(0, 30)];
  return body + usccCheckChar(body)!;
}

const round = (x: number, step = 10) => Math.round(x / step) * step;

/**
 * The demo projects as of `today`. `enterprises` are the demo 亩均 records of the latest data year (`dataYear`): the
 * earlier projects' investors are taken from them, so their acceptance is judged on real demo figures.
 */
export function anyuanProjects(today: IsoDate, enterprises: readonly MujunRecord[], dataYear: number): DemoProject[] {
  const rng = new Rng(20220211);
  const year = Number(today.slice(0, 4));
  const out: DemoProject[] = [];
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1);
  // this year's and last year's lists: a spread over the stages; index 0 is the newest
  const plan: { listYear: number; state: ProjectState }[] = [];
  const spread: ProjectState[] = ['negotiating', 'negotiating', 'negotiating', 'signed', 'signed', 'signed', 'land', 'land', 'started', 'started', 'started', 'completed', 'producing', 'terminated'];
  for (const listYear of [year, year - 1])
    for (let i = 0; i < 26; i++) plan.push({ listYear, state: spread[(i + (listYear === year ? 0 : 5)) % spread.length]! });
  plan.forEach((p, i) => {
    const track = DEMO_TRACKS[i % DEMO_TRACKS.length]!;
    const reachedState: Stage = p.state === 'terminated' ? STAGE_IDS[rng.int(0, 2)]! : p.state;
    const k = stageIndex(reachedState);
    const total = round(rng.logn(p.listYear === year ? 30000 : 50000, 0.6), 100);
    const fixed = round(total * rng.range(0.6, 0.85), 100);
    const land = Math.max(20, round(fixed / rng.range(280, 480), 1));
    // actual dates: walking back from a recent day, 45–120 days per stage
    const actual: Partial<Record<Stage, IsoDate>> = {};
    let d = addDays(today, -rng.int(5, 40));
    for (let s = k; s >= 0; s--) {
      actual[STAGE_IDS[s]!] = d;
      d = addDays(d, -rng.int(45, 120));
    }
    // planned dates: each reached stage planned near its actual date, the rest ahead
    const planned: Partial<Record<Stage, IsoDate>> = {};
    let ahead = addDays(today, rng.int(20, 90));
    STAGE_IDS.forEach((s, si) => {
      if (si <= k) planned[s] = addDays(actual[s]!, -rng.int(0, 20));
      else {
        planned[s] = ahead;
        ahead = addDays(ahead, rng.int(90, 200));
      }
    });
    // two projects are behind: the next stage's planned date has passed
    if ((i === 4 || i === 33) && k < STAGE_IDS.length - 1 && p.state !== 'terminated') planned[STAGE_IDS[k + 1]!] = addDays(today, -rng.int(15, 45));
    const flags: InvestorFlag[] = [];
    if (i % 9 === 2) flags.push('listed');
    if (i % 13 === 5) flags.push('china500');
    if (i % 17 === 8) flags.push('foreign');
    // the named target: a central SOE in talks this year (so 引进央企国字号 shows 0/1 until it signs)
    const soe = i === 0;
    if (soe) flags.push('central_soe', 'national');
    const source: ProjectSource = soe ? 'business' : (['fund', 'business', 'resident', 'other'] as const)[i % 4]!;
    const product = PRODUCTS[track]![i % PRODUCTS[track]!.length]!;
    const signedOn = actual.signed;
    const reports: DemoProject['reports'] = [];
    if (signedOn && p.state !== 'terminated') {
      const months = monthsBetween(signedOn, lastMonth);
      // every fifth project missed last month's report
      const kept = i % 5 === 3 ? months.slice(0, -1) : months;
      kept.forEach((month, mi) => {
        const stageNow = STAGE_IDS.filter((s) => actual[s] && actual[s]! <= `${month}-28`).pop() ?? 'signed';
        const lines = PROGRESS[stageNow];
        reports.push({
          month,
          investmentMonth: round((fixed / Math.max(12, months.length + 6)) * rng.range(0.5, 1.5), 10),
          progress: lines[mi % lines.length]!,
          problems: mi === kept.length - 1 && i % 4 === 1 ? PROBLEMS[i % PROBLEMS.length]! : '',
        });
      });
    }
    out.push({
      name: soe ? '中国建材集团萍乡先进陶瓷产业园项目' : `年产${rng.int(2, 30)}万件${product}项目`,
      investorName: soe ? '中国建材集团有限公司' : INVESTORS[i % INVESTORS.length]!,
      investorUscc: soe ? '91110000100000489L' : demoUscc(rng),
      investorFlags: flags,
      source,
      fundName: source === 'fund' ? FUNDS[i % FUNDS.length]! : null,
      industryCode: TRACK_INDUSTRY[track]![i % 3]!,
      track,
      totalInvestment: soe ? 200000 : total,
      fixedInvestment: soe ? 150000 : fixed,
      yearPlanInvestment: round(fixed * 0.4, 100),
      landMu: soe ? 400 : land,
      place: PLACES[i % PLACES.length]!,
      lead: i % 3 === 0 ? 'SWJ' : i % 3 === 1 ? 'GXJ' : 'KJJ',
      coop: i % 2 ? ['ZRJ', 'SPJ'] : ['ZRJ'],
      leader: i % 4 === 0 ? 'exec' : 'industry',
      listYear: p.listYear,
      state: p.state,
      terminatedReason: p.state === 'terminated' ? '投资方调整投资计划，项目终止' : null,
      actual,
      planned,
      reports,
      acceptance: null,
    });
  });
  // earlier projects, now in production: expansions of demo enterprises, accepted on the latest 亩均 data
  const firms = acceptanceFirms(enterprises);
  firms.forEach((e, j) => {
    const producingOn = `${dataYear - 3}-${String(3 + j).padStart(2, '0')}-15`;
    const actual: Partial<Record<Stage, IsoDate>> = {};
    let d = producingOn;
    for (let s = stageIndex('producing'); s >= 0; s--) {
      actual[STAGE_IDS[s]!] = d;
      d = addDays(d, -rng.int(60, 150));
    }
    if (j % 2 === 0) actual.full = addDays(producingOn, 300);
    const landMu = e['land_mu'] as number;
    const fixed = round(landMu * INTENSITY, 10);
    const track = DEMO_TRACKS[j % DEMO_TRACKS.length]!;
    out.push({
      name: `${String(e['name']).replace(/有限公司$/, '')}技改扩产项目`,
      investorName: String(e['name']),
      investorUscc: String(e['uscc']),
      investorFlags: [],
      source: 'business',
      fundName: null,
      industryCode: String(e['industry'] ?? 'C3599'),
      track,
      totalInvestment: round(fixed * 1.3, 10),
      fixedInvestment: fixed,
      yearPlanInvestment: null,
      landMu,
      place: PLACES[j % PLACES.length]!,
      lead: 'GXJ',
      coop: ['ZRJ'],
      leader: 'industry',
      listYear: Number(actual.signed!.slice(0, 4)),
      state: actual.full ? 'full' : 'producing',
      terminatedReason: null,
      actual,
      planned: Object.fromEntries(STAGE_IDS.filter((s) => actual[s]).map((s) => [s, actual[s]!])),
      reports: [],
      acceptance: { year: dataYear, entered: { plot_ratio: PLOT_RATIO } },
    });
  });
  return out;
}
