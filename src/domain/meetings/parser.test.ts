import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNITS } from '../../demo/anyuan.js';
import { DEFAULT_UNIT_HINTS } from '../../demo/unit-hints.js';
import { parseMeetingReport, type Directive, type DraftTask, type ParsedMeeting, type Span } from './parser.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** A copy of ../shared/seed/anyuan-meeting-2022-02-11.txt, so the tests run from a bare checkout. */
const SEED = fixture('anyuan-seed-2022-02-11.txt');
const SHARED_SEED = new URL('../../../../shared/seed/anyuan-meeting-2022-02-11.txt', import.meta.url);

const parse = (text: string, publicationYear?: number, today = '2026-05-01') =>
  parseMeetingReport(text, { publicationYear, today, unitHints: DEFAULT_UNIT_HINTS });

const directives = (r: ParsedMeeting): Directive[] => r.groups.flatMap((g) => g.directives);
const allTasks = (r: ParsedMeeting): DraftTask[] => directives(r).flatMap((d) => d.tasks);
const slice = (text: string, span: Span) => text.slice(span.start, span.end);
const task = (d: Directive | undefined, start: string): DraftTask => {
  const found = d?.tasks.find((k) => k.text.startsWith(start));
  if (!found) throw new Error(`no task starting “${start}” in ${d?.marker}: ${d?.tasks.map((k) => k.text).join(' | ')}`);
  return found;
};

/** Every span of a result points at exactly its text, and tasks lie inside their directive. */
function expectSpansConsistent(text: string, r: ParsedMeeting) {
  for (const d of directives(r)) {
    expect(slice(text, d.span)).toBe(d.text);
    if (d.standardSpan) expect(slice(text, d.standardSpan)).toBe(d.standard);
    if (d.fieldSpan) expect(slice(text, d.fieldSpan)).toBe(d.field);
    for (const k of d.tasks) {
      expect(slice(text, k.span)).toBe(k.text);
      expect(k.span.start).toBeGreaterThanOrEqual(d.span.start);
      expect(k.span.end).toBeLessThanOrEqual(d.span.end);
    }
  }
  for (const c of r.closingItems) expect(slice(text, c.span)).toBe(c.text);
  const m = r.meeting;
  m.attendees.forEach((name, i) => expect(slice(text, m.spans.attendees[i] as Span)).toBe(name));
  m.studied.forEach((s, i) => expect(slice(text, m.spans.studied[i] as Span)).toBe(s));
  if (m.chair) expect(slice(text, m.spans.chair as Span)).toBe(m.chair);
  if (m.kind) expect(slice(text, m.spans.kind as Span)).toBe(m.kind);
}

describe('the founding report (安源区 2022-02-11)', () => {
  const r = parse(SEED, 2022);
  const ds = directives(r);

  it('is the shared seed', () => {
    if (existsSync(SHARED_SEED)) expect(readFileSync(SHARED_SEED, 'utf8')).toBe(SEED);
  });

  it('reads the meeting', () => {
    expect(r.meeting).toMatchObject({
      date: '2022-02-11',
      kind: '党组会议',
      chair: '邱伟',
      chairTitle: '区长',
      attendees: ['龚云华', '袁子安', '叶方', '刘洁兰', '谢晖', '刘宗峰', '刘松'],
      studied: [
        '省委书记易炼红在萍乡调研时的讲话精神',
        '萍乡市委常委会(扩大)会议精神',
        '区委常委会(扩大)会议精神',
        '习近平总书记发表的重要文章《努力成为可堪大用的栋梁之才》',
      ],
    });
    expect(slice(SEED, r.meeting.spans.date as Span)).toBe('2月11日');
    expect(slice(SEED, r.meeting.span as Span)).toMatch(/^2月11日,区政府召开党组会议,专题学习贯彻.*区委常委会\(扩大\)会议精神$/);
    expect(r.warnings).toEqual([]);
  });

  it('resolves the year from the publication year, else today (the year before when that would be in the future)', () => {
    expect(parse(SEED, undefined, '2026-05-01').meeting.date).toBe('2026-02-11');
    const early = parse(SEED, undefined, '2026-01-05');
    expect(early.meeting.date).toBe('2025-02-11');
    expect(early.warnings).toEqual([expect.stringContaining('按 2025 年理解')]);
  });

  it('finds exactly six directives, each spanning its text from its marker to the next', () => {
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]?.title).toBe(
      '省委书记易炼红在萍乡调研时的讲话精神、萍乡市委常委会(扩大)会议精神、区委常委会(扩大)会议精神',
    );
    expect(ds.map((d) => [d.ordinal, d.marker])).toEqual([
      [1, '第一'],
      [2, '第二'],
      [3, '第三'],
      [4, '第四'],
      [5, '第五'],
      [6, '第六'],
    ]);
    const anchors: [string, string][] = [
      ['第一、深入学习领会', '在狠抓落实中体现初心使命和责任担当。'],
      ['第二,深入学习领会', '形成更多率先领先、工作亮点、特色品牌。'],
      ['第三,深入学习领会', '一步一个脚印推动重塑安源工业辉煌。'],
      ['第四,深入学习领会', '不断提高群众的获得感、幸福感。'],
      ['第五,深入学习领会', '积极打造美丽乡村示范点,建设秀美乡村。'],
      ['第六,深入学习领会', '维护和巩固风清气正、健康向上的良好政治生态。'],
    ];
    anchors.forEach(([from, to], i) => {
      const start = SEED.indexOf(from);
      const end = SEED.indexOf(to) + to.length;
      const d = ds[i] as Directive;
      expect(d.span).toEqual({ start, end });
      expect(slice(SEED, d.span)).toBe(SEED.slice(start, end));
      expect(d.text.startsWith(d.marker)).toBe(true);
    });
    expectSpansConsistent(SEED, r);
  });

  it('reads each directive’s standard and field', () => {
    expect(ds.map((d) => [d.standard, d.field])).toEqual([
      ['政治方向、政治标准', '政府工作的每一个方面'],
      ['争先领跑、实绩标准', '经济工作的每一个领域'],
      ['招大引强、亩均标准', '工业强区的每一个项目'],
      ['民生实事、“四精”标准', '城市发展的每一个网格'],
      ['融合发展、秀美标准', '城乡融合的每一个板块'],
      ['干净干事、勤廉标准', '政府系统的每一名干部'],
    ]);
  });

  it('drafts the measures of 第三 with their lead units', () => {
    const d3 = ds[2];
    expect(task(d3, '加快安源科创城建设')).toMatchObject({
      text: '加快安源科创城建设',
      verb: '加快',
      suggestedUnitCode: 'P-KCC',
    });
    expect(task(d3, '强攻数字经济')).toMatchObject({ verb: '强攻', suggestedUnitCode: 'GXJ', matchedKeyword: '数字经济' });
    expect(task(d3, '强攻营商环境')).toMatchObject({ suggestedUnitCode: 'SPJ', matchedKeyword: '营商环境' });
    expect(task(d3, '努力打造全省营商环境一等县区')).toMatchObject({
      text: '努力打造全省营商环境一等县区和全省政务服务满意度一等县区',
      verb: '努力打造',
      suggestedUnitCode: 'SPJ',
    });
    expect(task(d3, '力争在引进央企')).toMatchObject({
      text: '力争在引进央企、国字号企业上实现零的突破',
      verb: '力争',
      suggestedUnitCode: 'SWJ',
      matchedKeyword: '央企',
    });
    expect(task(d3, '全面实施“1231511”工业培育计划')).toMatchObject({ verb: '全面实施', suggestedUnitCode: 'GXJ' });
    // the heading (要把……贯穿到……) is the directive itself, not a task; a leading 要 is left out of a task
    expect(d3?.tasks.some((k) => k.text.includes('贯穿到'))).toBe(false);
    expect(d3?.tasks[0]?.text).toBe('坚持“工业强区”战略不动摇,一手抓传统产业改造升级、一手抓新兴产业创新倍增');
  });

  it('drafts the measures of 第四: consumption to 商务局, the 七位 problem', () => {
    const d4 = ds[3];
    expect(task(d4, '抓紧出台促进消费的若干举措')).toMatchObject({
      verb: '抓紧',
      suggestedUnitCode: 'SWJ',
      matchedKeyword: '消费',
    });
    expect(d4?.tasks.find((k) => k.text.includes('“七位”民生难题'))?.text).toMatch(/^聚焦解决“就业岗位、托幼园位/);
    expect(task(d4, '以创建全国文明典范城市')).toMatchObject({ suggestedUnitCode: 'ZJJ', matchedKeyword: '文明城市' });
  });

  it('drafts tasks for every directive', () => {
    expect(ds.map((d) => d.tasks.length)).toEqual([3, 3, 10, 6, 5, 4]);
    expect(task(ds[4], '抓住承办省市重要活动契机')).toMatchObject({ suggestedUnitCode: 'WGLJ' });
    expect(task(ds[4], '发挥近郊优势')).toMatchObject({ suggestedUnitCode: 'NYJ', matchedKeyword: '米袋子' });
  });

  it('keeps the closing items apart', () => {
    expect(r.closingItems).toHaveLength(2);
    const [reports, safety] = r.closingItems;
    expect(reports?.text).toMatch(/^各副区长.*就各自分管线2022年重点工作、谋划推进特色亮点工作作了交流发言$/);
    expect(reports?.topic).toBe('各自分管线2022年重点工作、谋划推进特色亮点工作');
    expect(safety).toMatchObject({ text: '会议还研究部署了安全生产方面的工作', topic: '安全生产', suggestedUnitCode: 'YJJ' });
  });

  it('is deterministic', () => {
    expect(parse(SEED, 2022)).toEqual(r);
  });
});

describe('mixed punctuation and whitespace', () => {
  const base = parse(SEED, 2022);
  const shape = (r: ParsedMeeting) =>
    directives(r).map((d) => [d.marker, d.span, d.standard?.length, d.tasks.map((k) => k.span)]);

  it('gives the same spans with full-width punctuation (，；：（）) as with half-width', () => {
    const full = SEED.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）');
    expect(full).not.toBe(SEED);
    const r = parse(full, 2022);
    expect(shape(r)).toEqual(shape(base));
    expect(r.meeting.studied[1]).toBe('萍乡市委常委会（扩大）会议精神');
    expectSpansConsistent(full, r);
  });

  it('gives the same directives with paragraphs on their own lines, full-width spaces and CRLF', () => {
    const paragraphs = SEED.replace(/。 /g, '。\r\n\r\n\u3000\u3000');
    const r = parse(paragraphs, 2022);
    expect(directives(r).map((d) => d.text.replace(/\s/g, ''))).toEqual(directives(base).map((d) => d.text.replace(/\s/g, '')));
    expect(allTasks(r).map((k) => k.text.replace(/\s/g, ''))).toEqual(allTasks(base).map((k) => k.text.replace(/\s/g, '')));
    expect(r.closingItems.map((c) => c.topic)).toEqual(base.closingItems.map((c) => c.topic));
    expectSpansConsistent(paragraphs, r);
  });

  it('reads full-width digits and dots (１．２．) as enumerators', () => {
    const r = parse('会议要求：１．要加快项目建设；２．要抓紧出台促进消费的若干措施。');
    expect(directives(r).map((d) => [d.marker, d.text])).toEqual([
      ['１', '１．要加快项目建设'],
      ['２', '２．要抓紧出台促进消费的若干措施。'],
    ]);
    expect(allTasks(r)[1]).toMatchObject({ text: '抓紧出台促进消费的若干措施', suggestedUnitCode: 'SWJ' });
  });
});

describe('other report styles', () => {
  const cases: {
    file: string;
    markers: string[][];
    titles?: (string | null)[];
    facts: Partial<ParsedMeeting['meeting']>;
    tasks: [number, string, string | null][];
    closing?: (string | null)[];
  }[] = [
    {
      file: 'yishi-executive.txt',
      markers: [['一是', '二是', '三是', '四是']],
      facts: {
        date: '2023-03-06',
        kind: '常务会议',
        chair: '陈立群',
        chairTitle: '区长',
        attendees: ['赵文博', '孙晓梅', '黄建国', '何永康'],
        studied: [],
      },
      tasks: [
        [0, '加快重大项目建设', null],
        [0, '各项目责任单位要倒排工期、挂图作战', null],
        [1, '深化“放管服”改革', 'SPJ'],
        [2, '抓紧出台促进汽车、家电消费的若干措施', 'SWJ'],
        [3, '做好高校毕业生、退役军人等重点群体就业工作', 'RSJ'],
        [3, '加快推进城区3所公办幼儿园建设', 'JYJ'],
      ],
      closing: ['《青溪区政府投资项目管理办法（试行）》'],
    },
    {
      file: 'yiyao-party-group.txt',
      markers: [['一要', '二要', '三要', '四要']],
      titles: ['全省安全生产电视电话会议精神、市委经济工作务虚会精神'],
      facts: {
        date: '2023-05-18',
        kind: '党组（扩大）会议',
        chair: '林振宇',
        chairTitle: '县长',
        attendees: ['马俊峰', '丁慧', '杜长青', '韦一鸣'],
        studied: ['全省安全生产电视电话会议精神', '市委经济工作务虚会精神'],
      },
      tasks: [
        [0, '压紧压实安全生产责任', 'YJJ'],
        [1, '力争二季度新开工项目不少于15个', null],
        [2, '加快云岭古镇景区提质升级', 'WGLJ'],
        [3, '持续改善农村人居环境', 'NYJ'],
      ],
      closing: ['县政府工作规则修订'],
    },
    {
      file: 'paren-subpoints.txt',
      markers: [['（一）', '（二）', '（三）']],
      facts: { date: '2023-07-12', kind: '常务会议', chair: '苏明哲', attendees: ['郑晓兰', '王建军', '欧阳春'] },
      tasks: [
        [0, '加快推进东湖科技产业园二期建设', 'KJJ'],
        [0, '力争全年引进亿元以上项目20个', 'SWJ'],
        [0, '强化要素保障', null],
        [1, '抓紧举办“东湖夜经济”消费季活动', 'SWJ'],
        [2, '推进社区养老服务中心全覆盖', 'MZJ'],
        [2, '做好汛期安全生产和防灾减灾工作', 'YJJ'],
      ],
      closing: [],
    },
    {
      file: 'numbered-list.txt',
      markers: [['1', '2', '3', '4', '5']],
      facts: { date: '2023-09-03', kind: '推进会', chair: '周启航', chairTitle: '常务副区长', attendees: ['梁雅琴', '冯国栋'] },
      tasks: [
        [0, '聚焦市场主体关切', 'SCJ'],
        [1, '加快工程建设项目审批制度改革', 'SPJ'],
        [2, '打造“临江办事不求人”政务服务品牌', 'SPJ'],
        [4, '健全考核评价机制', 'SPJ'],
      ],
      closing: [null],
    },
    {
      file: 'shouxian-study.txt',
      markers: [['首先', '其次', '最后']],
      titles: ['党的二十大报告中关于全面推进乡村振兴的重要论述'],
      facts: {
        date: '2023-11-08',
        kind: '理论学习中心组学习会议',
        chair: '何秋实',
        attendees: ['罗文', '唐嘉怡', '钟力'],
        studied: ['党的二十大报告中关于全面推进乡村振兴的重要论述'],
      },
      tasks: [
        [0, '牢牢守住粮食安全底线', 'NYJ'],
        [0, '抓紧完成2.3万亩高标准农田建设任务', 'NYJ'],
        [1, '大力发展乡村旅游和农村电商', 'WGLJ'],
        [2, '扎实开展农村人居环境整治提升五年行动', 'NYJ'],
      ],
      closing: ['冬春农田水利建设'],
    },
    {
      file: 'two-documents.txt',
      markers: [
        ['一是', '二是', '三是'],
        ['一是', '二是', '三是'],
      ],
      titles: [
        '《中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见》',
        '市委办公室、市政府办公室印发的《关于进一步优化营商环境的若干措施》',
      ],
      facts: {
        kind: '党组会议',
        chair: '韩立信',
        studied: [
          '《中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见》',
          '市委办公室、市政府办公室印发的《关于进一步优化营商环境的若干措施》',
        ],
      },
      tasks: [
        [0, '稳定粮食生产', 'NYJ'],
        [2, '力争年底前农村生活污水治理率达到45%', null],
        [3, '对标一流优化营商环境', 'SPJ'],
        [5, '力争政务服务事项“一网通办”率达到95%以上', 'SPJ'],
      ],
      closing: [],
    },
    {
      file: 'unenumerated.txt',
      markers: [['', '', '', '', '', '']],
      facts: {
        date: '2023-06-02',
        kind: '常务会议',
        chair: '邓雨辰',
        chairTitle: '县长',
        attendees: ['许建平', '曹雪梅', '彭志刚'],
      },
      tasks: [
        [0, '坚持人民至上、生命至上', 'YJJ'],
        [1, '加快推进病险水库除险加固', null],
        [2, '各乡镇要抓紧开展地质灾害隐患点排查', 'YJJ'],
        [3, '县应急管理局要强化值班值守', 'YJJ'],
        [5, '打造一批城市更新示范片区', 'ZJJ'],
      ],
      closing: ['《枫林县防汛抗旱应急预案（修订）》'],
    },
    {
      file: 'docx-style.txt',
      markers: [['一', '二', '三']],
      titles: ['全市城市管理工作会议精神'],
      facts: { date: '2023-05-11', kind: '常务会议', chair: '沈知远', attendees: ['龙飞', '姚佩珊', '康乐'] },
      tasks: [
        [0, '以创建全国文明城市为抓手', 'ZJJ'],
        [1, '深入开展安全生产大排查大整治', 'YJJ'],
        [2, '打造一流营商环境', 'SPJ'],
      ],
      closing: [],
    },
  ];

  for (const c of cases) {
    it(c.file, () => {
      const text = fixture(c.file);
      expect(text.length).toBeGreaterThanOrEqual(400);
      expect(text.length).toBeLessThanOrEqual(1500);
      const r = parse(text, 2023);
      expect(r.groups.map((g) => g.directives.map((d) => d.marker))).toEqual(c.markers);
      if (c.titles) expect(r.groups.map((g) => g.title)).toEqual(c.titles);
      expect(r.meeting).toMatchObject(c.facts);
      const ds = directives(r);
      for (const [i, start, unit] of c.tasks) expect(task(ds[i], start).suggestedUnitCode).toBe(unit);
      for (const d of ds) expect(d.tasks.length).toBeGreaterThan(0);
      if (c.closing) expect(r.closingItems.map((x) => x.topic)).toEqual(c.closing);
      expect(r.warnings).toEqual([]);
      expectSpansConsistent(text, r);
    });
  }

  it('（一）/（二） with sub-points: the title is not a task, each sub-point is one', () => {
    const r = parse(fixture('paren-subpoints.txt'), 2023);
    expect(directives(r).map((d) => d.tasks.length)).toEqual([3, 2, 3]);
    expect(directives(r)[0]?.tasks.some((k) => k.text.includes('全力以赴抓项目扩投资'))).toBe(false);
  });

  it('1./2．: a decimal such as 1.5分 or 0.5个 is not an enumerator', () => {
    const r = parse(fixture('numbered-list.txt'), 2023);
    expect(directives(r)[0]?.text).toMatch(/^1\.要聚焦市场主体关切/);
    expect(directives(r)[1]?.text).toMatch(/^2．要加快工程建设项目审批制度改革/);
    expect(directives(r)[0]?.text).toContain('0.5个工作日');
  });

  it('an unenumerated report yields its 要… requirements, without their lead-in', () => {
    const r = parse(fixture('unenumerated.txt'), 2023);
    expect(directives(r).map((d) => d.text.slice(0, 8))).toEqual([
      '要坚持人民至上、',
      '要加快推进病险水',
      '各乡镇要抓紧开展',
      '县应急管理局要强',
      '要提前做好救灾物',
      '要统筹做好老城区',
    ]);
  });

  it('.docx-style text: 【】 lines and blank paragraphs are ignored, titles on their own line are not tasks', () => {
    const text = fixture('docx-style.txt');
    const r = parse(text, 2023);
    const [d1] = directives(r);
    expect(d1?.text).toMatch(/^一、着力提升城市精细化管理水平\r\n\r\n\u3000\u3000要以创建全国文明城市为抓手/);
    expect(d1?.text.endsWith('如厕难问题。')).toBe(true);
    expect(d1?.tasks.map((k) => k.text)).toEqual([
      '以创建全国文明城市为抓手，全面实施市容环境“十大提升”行动',
      '加快老旧小区改造，年内新增公共停车泊位800个、新建改建公厕20座，切实解决群众停车难、如厕难问题',
    ]);
  });
});

describe('edge cases', () => {
  it('empty text', () => {
    for (const text of ['', '  \r\n\u3000 \n']) {
      expect(parse(text)).toEqual({
        meeting: expect.objectContaining({ date: null, kind: null, chair: null, attendees: [], studied: [] }),
        groups: [],
        closingItems: [],
        warnings: ['文本为空'],
      });
    }
  });

  it('a report without requirements: empty result and a warning', () => {
    const r = parse('3月5日，区政府召开常务会议，听取了一季度经济运行情况汇报。');
    expect(r.groups).toEqual([]);
    expect(r.closingItems).toEqual([]);
    expect(r.meeting.kind).toBe('常务会议');
    expect(r.warnings).toContainEqual(expect.stringContaining('未识别出任何要求'));
  });

  it('warns about an enumerator out of sequence and keeps it in the item before', () => {
    const r = parse('会议要求：第一，要加快项目建设。第二，要抓紧招商引资。第四，要做好安全生产。');
    expect(directives(r).map((d) => d.marker)).toEqual(['第一', '第二']);
    expect(directives(r)[1]?.tasks.map((k) => k.text)).toEqual(['抓紧招商引资', '做好安全生产']);
    expect(r.warnings).toContainEqual(expect.stringContaining('“第四”与前后编号不连续'));
  });

  it('does not take 第一动力, 一手抓, 最后一公里 or a lone 第一 for enumerators', () => {
    const r = parse('会议强调，要把创新作为第一动力，一手抓改造、一手抓创新。打通服务群众最后一公里。第一，要统一思想。');
    expect(r.groups).toHaveLength(1);
    expect(directives(r).map((d) => d.marker)).toEqual(['']);
  });

  it('nests 一是/二是 inside 第一/第二, and ends the last item before an attendance line', () => {
    const text =
      '会议强调：第一，要抓项目。一是加快A项目建设；二是抓紧B项目开工。第二，要优环境。一是深化放管服改革；二是打造一流营商环境。' +
      '区政府各部门主要负责同志列席会议。';
    const r = parse(text);
    expect(r.groups).toHaveLength(1);
    expect(directives(r).map((d) => [d.marker, d.tasks.map((k) => k.text)])).toEqual([
      ['第一', ['加快A项目建设', '抓紧B项目开工']],
      ['第二', ['深化放管服改革', '打造一流营商环境']],
    ]);
    expect(directives(r)[1]?.text.endsWith('打造一流营商环境。')).toBe(true);
  });

  it('makes a group of each enumeration, whatever their styles', () => {
    const text =
      '会议指出，一是要加快项目建设，二是要做好安全生产，三是要保障民生。会议还传达学习了《安全生产法》。' +
      '会议要求，首先要压实责任。其次要排查隐患。最后要强化督查。';
    const r = parse(text);
    expect(r.groups.map((g) => [g.title, g.directives.map((d) => d.marker)])).toEqual([
      [null, ['一是', '二是', '三是']],
      ['《安全生产法》', ['首先', '其次', '最后']],
    ]);
    expect(r.meeting.studied).toEqual(['《安全生产法》']);
  });

  it('resolves Chinese-numeral dates and refuses impossible ones', () => {
    expect(parse('二月十一日，区政府召开常务会议。会议强调，要加快项目建设。', 2022).meeting.date).toBe('2022-02-11');
    const bad = parse('2月30日，区政府召开常务会议。会议强调，要加快项目建设。', 2022);
    expect(bad.meeting.date).toBeNull();
    expect(bad.warnings).toContainEqual(expect.stringContaining('不是有效日期'));
    expect(parse('2021年12月28日，区政府召开常务会议。', 2022).meeting.date).toBe('2021-12-28');
  });

  it('reads a chair written as 会议由……主持', () => {
    const r = parse('12月28日，区政府召开常务会议，会议由常务副区长李四主持。会议要求，要加快项目建设。', 2022);
    expect(r.meeting).toMatchObject({ chair: '李四', chairTitle: '常务副区长' });
  });

  it('suggests the unit of the longest keyword, ties by the order of the list, from the list it is given', () => {
    const text = '会议要求，要抓紧促进城市消费，要加快文明城市创建。';
    const run = (unitHints: { keyword: string; unitCode: string }[]) =>
      allTasks(parseMeetingReport(text, { today: '2026-05-01', unitHints })).map((k) => k.suggestedUnitCode);
    expect(
      run([
        { keyword: '城市', unitCode: 'A' },
        { keyword: '消费', unitCode: 'B' },
      ]),
    ).toEqual(['A', 'A']);
    expect(
      run([
        { keyword: '消费', unitCode: 'B' },
        { keyword: '城市', unitCode: 'A' },
      ]),
    ).toEqual(['B', 'A']);
    expect(
      run([
        { keyword: '城市', unitCode: 'A' },
        { keyword: '文明城市', unitCode: 'C' },
      ]),
    ).toEqual(['A', 'C']);
    expect(
      run([
        { keyword: ' ', unitCode: 'X' },
        { keyword: 'ＸＹ', unitCode: '' },
      ]),
    ).toEqual([null, null]);
    expect(run([])).toEqual([null, null]);
  });

  it('normalises keywords like the text (full-width digits)', () => {
    const r = parseMeetingReport('会议要求，要全面实施“1231511”工业培育计划。', {
      today: '2026-05-01',
      unitHints: [{ keyword: '１２３１５１１', unitCode: 'GXJ' }],
    });
    expect(allTasks(r)[0]).toMatchObject({ suggestedUnitCode: 'GXJ', matchedKeyword: '１２３１５１１' });
  });

  it('returns on very long input (100 KB and more) and on hostile shapes', () => {
    const copies = Math.ceil(100_000 / SEED.length);
    const long = Array.from({ length: copies }, () => SEED).join('\n');
    expect(long.length).toBeGreaterThanOrEqual(100_000);
    const r = parse(long, 2022);
    expect(r.groups).toHaveLength(copies);
    expect(r.groups.every((g) => g.directives.length === 6)).toBe(true);
    expectSpansConsistent(long, r);
    for (const hostile of [
      '一是加快建设，二是要推进工作，'.repeat(7000),
      '要加快推进重点项目建设'.repeat(10_000),
      '“要加快推进，《'.repeat(15_000),
      '，'.repeat(100_000),
      '1.要加快a。2.要b。'.repeat(8000),
      '张三、'.repeat(30_000) + '出席会议',
      '会议还研究了。' + '就'.repeat(100_000),
    ]) {
      expect(parse(hostile).warnings).toBeInstanceOf(Array);
    }
  });
});

describe('the demo unit hints', () => {
  it('name units of the demo district', () => {
    const codes = new Set(UNITS.map((u) => u.code));
    for (const h of DEFAULT_UNIT_HINTS) expect(codes.has(h.unitCode), `${h.keyword} → ${h.unitCode}`).toBe(true);
  });
  it('carry the mapping the supervision office asked for', () => {
    const unitOf = (k: string) => DEFAULT_UNIT_HINTS.find((h) => h.keyword === k)?.unitCode;
    expect(['营商环境', '放管服', '政务服务'].map(unitOf)).toEqual(['SPJ', 'SPJ', 'SPJ']);
    expect(['消费', '招商', '央企'].map(unitOf)).toEqual(['SWJ', 'SWJ', 'SWJ']);
    expect(['工业', '1231511', '亩均', '数字经济'].map(unitOf)).toEqual(['GXJ', 'GXJ', 'GXJ', 'GXJ']);
    expect(['科创', '科技', '旅游', '景区', '宾招'].map(unitOf)).toEqual(['KJJ', 'KJJ', 'WGLJ', 'WGLJ', 'WGLJ']);
    expect(['农业', '乡村', '米袋子', '菜篮子', '人居环境'].map(unitOf)).toEqual(['NYJ', 'NYJ', 'NYJ', 'NYJ', 'NYJ']);
    expect(['文明城市', '老城区', '城市', '托幼', '上学'].map(unitOf)).toEqual(['ZJJ', 'ZJJ', 'ZJJ', 'JYJ', 'JYJ']);
    expect(['医疗', '养老', '就业', '停车', '如厕', '安全生产', '基金'].map(unitOf)).toEqual([
      'WJW',
      'MZJ',
      'RSJ',
      'CGJ',
      'CGJ',
      'YJJ',
      'CZJ',
    ]);
  });
});
