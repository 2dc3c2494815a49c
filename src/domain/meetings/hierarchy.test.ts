import { describe, expect, it } from 'vitest';
import { parseMeetingReport, type ParsedMeeting } from './parser.js';

const parse = (text: string) => parseMeetingReport(text, { today: '2026-05-01', unitHints: [] });
/** Each group as its directives' markers. */
const markers = (r: ParsedMeeting) => r.groups.map((g) => g.directives.map((d) => d.marker));
const heads = (r: ParsedMeeting) => r.groups.flatMap((g) => g.directives.map((d) => d.text.slice(0, 12)));
const tasksOf = (r: ParsedMeeting, g: number, d: number) => r.groups[g]?.directives[d]?.tasks.map((k) => k.text);
/** Every directive's span points at its text. */
const spansHold = (text: string, r: ParsedMeeting) => {
  for (const d of r.groups.flatMap((g) => g.directives)) expect(text.slice(d.span.start, d.span.end)).toBe(d.text);
};

describe('the directive level of nested enumerations', () => {
  it('首先 + 第二/第三 is one series; the 一是/二是/三是 inside 首先 are its measures', () => {
    const text =
      '区委书记张三指出，首先，必须统一思想。一是要把城市工作作为重大战略问题；二是牢固树立以人为核心的观念；' +
      '三是必须用统筹的思维抓好城市工作。第二，必须深化改革。要坚定不移落实城市管理体制改革。' +
      '第三，必须坚持从严从实的工作作风。要把“三严三实”作为座右铭。区委副书记李四传达了市委全会精神。';
    const r = parse(text);
    expect(markers(r)).toEqual([['首先', '第二', '第三']]);
    expect(tasksOf(r, 0, 0)).toEqual(['把城市工作作为重大战略问题', '牢固树立以人为核心的观念', '必须用统筹的思维抓好城市工作']);
    expect(r.groups[0]?.directives[2]?.text.endsWith('作为座右铭。')).toBe(true);
    expect(r.warnings.filter((w) => w.includes('不连续'))).toEqual([]);
    spansHold(text, r);
  });

  it('首先/其次/再次/最后', () => {
    const r = parse('会议强调，首先，要压实安全责任。各乡镇要落实属地责任。其次，要排查风险隐患。再次，要强化应急值守。最后，要加强督查问责。');
    expect(markers(r)).toEqual([['首先', '其次', '再次', '最后']]);
    expect(tasksOf(r, 0, 0)).toEqual(['压实安全责任', '各乡镇要落实属地责任']);
  });

  it('最后 ends a numbered series, but not when it brings in the meeting or another speaker', () => {
    expect(markers(parse('会议强调，第一，要加快项目建设。第二，要优化营商环境。最后，要加强作风建设。'))).toEqual([
      ['第一', '第二', '最后'],
    ]);
    const r = parse('会议强调，第一，要加快项目建设。第二，要优化营商环境。最后，会议研究了其他事项。');
    expect(markers(r)).toEqual([['第一', '第二']]);
    const outer = parse('会议强调，第一，要抓项目。一是加快A项目；二是抓紧B项目。第二，要优环境。一是深化改革；二是打造环境。最后，要加强作风建设。');
    expect(markers(outer)).toEqual([['第一', '第二', '最后']]);
    expect(tasksOf(outer, 0, 1)).toEqual(['深化改革', '打造环境']);
  });

  it('一要/二要/三要 after a speaker phrase', () => {
    const r = parse('3月1日，县政府召开常务会议。县长王五要求：一要加快项目建设，确保按期开工；二要抓紧招商引资；三要做好安全生产。会议还研究了其他事项。');
    expect(markers(r)).toEqual([['一要', '二要', '三要']]);
    expect(r.meeting.kind).toBe('常务会议');
  });

  it('一是/二是 at the top level, with （1）（2） inside as measures', () => {
    const r = parse('会议指出，一是要稳定粮食生产。（1）抓紧春耕备耕；（2）确保播种面积。二是要加快乡村产业发展。三是要整治人居环境。');
    expect(markers(r)).toEqual([['一是', '二是', '三是']]);
    expect(tasksOf(r, 0, 0)).toEqual(['抓紧春耕备耕', '确保播种面积']);
  });

  it('一是/二是/三是 continued by 四要/五要 is one series', () => {
    const r = parse('吴海燕强调，一是打赢攻坚战，不犯迷糊病。全县要扛起政治责任。二是算好时间账。三是算好指标账。四要算好政策账。五要算好作风账。');
    expect(markers(r)).toEqual([['一是', '二是', '三是', '四要', '五要']]);
  });

  it('（一）（二）（三） with 一是/二是 inside', () => {
    const r = parse('会议要求：（一）全力抓项目。一是加快东湖产业园建设；二是力争引进项目20个。（二）全力促消费。要抓紧举办消费季活动。（三）全力保民生。要推进养老服务全覆盖。');
    expect(markers(r)).toEqual([['（一）', '（二）', '（三）']]);
    expect(tasksOf(r, 0, 0)).toEqual(['加快东湖产业园建设', '力争引进项目20个']);
  });

  it('一、二、三、 headings on their own lines, with 1. 2. inside', () => {
    const r = parse('会议提出三点要求。\n一、着力提升城市管理水平。1.要加快老旧小区改造；2.要新增停车泊位。\n二、着力抓好安全生产。要开展大排查大整治。\n三、着力优化营商环境。要打造一流营商环境。');
    expect(markers(r)).toEqual([['一', '二', '三']]);
    expect(tasksOf(r, 0, 0)).toEqual(['加快老旧小区改造', '新增停车泊位']);
  });

  it('第一/第二 with 一是/二是 in every item', () => {
    const r = parse('会议强调：第一，要抓项目。一是加快A项目建设；二是抓紧B项目开工。第二，要优环境。一是深化放管服改革；二是打造一流营商环境。第三，要保民生。');
    expect(markers(r)).toEqual([['第一', '第二', '第三']]);
    expect(tasksOf(r, 0, 1)).toEqual(['深化放管服改革', '打造一流营商环境']);
  });

  it('several speakers, each with a series: one group each, even when the second style ranks lower', () => {
    const text = '区委书记赵六强调，第一，要提高认识。第二，要突出重点。区长钱七要求，一要加强领导；二要狠抓落实；三要严格考核。';
    const r = parse(text);
    expect(markers(r)).toEqual([
      ['第一', '第二'],
      ['一要', '二要', '三要'],
    ]);
    expect(r.groups[0]?.directives[1]?.text).toBe('第二，要突出重点。');
    spansHold(text, r);
  });

  it('a series recounting the proceedings gives way to the speakers’ series inside it', () => {
    const text =
      '首先，会议传达学习了省委全会精神。其次，会议听取了各部门工作汇报。最后，区长孙八要求各部门：一要提高政治站位；' +
      '二要压实工作责任；三要强化督查考核。';
    const r = parse(text);
    expect(markers(r)).toEqual([['一要', '二要', '三要']]);
    expect(heads(r)).toEqual(['一要提高政治站位', '二要压实工作责任', '三要强化督查考核。']);
  });

  it('two speakers introduced by 随后/最后 within one report', () => {
    const r = parse(
      '随后，王副主任对安全生产工作做出安排：一是要高度重视安全生产；二是层层分解责任；三是要狠抓落实。' +
        '最后，李主任要求各部门：一要落实责任制规定；二要高度重视汛期安全；三要从大局出发。',
    );
    expect(markers(r)).toEqual([
      ['一是', '二是', '三是'],
      ['一要', '二要', '三要'],
    ]);
  });

  it('several groups, one per document studied', () => {
    const r = parse(
      '会议传达学习了《乡村振兴促进法》。会议要求，一是要稳定粮食生产；二是要加快乡村产业发展。' +
        '会议还传达学习了《优化营商环境条例》。会议强调，一是要深化放管服改革；二是要强化法治保障。',
    );
    expect(markers(r)).toEqual([
      ['一是', '二是'],
      ['一是', '二是'],
    ]);
    expect(r.groups.map((g) => g.title)).toEqual(['《乡村振兴促进法》', '《优化营商环境条例》']);
  });

  it('a list of the agenda items studied (审议/听取) is not a group of directives', () => {
    const text =
      '6月2日，区政府召开常务会议。会议审议了：一、《区政府投资项目管理办法》；二、关于城区停车场建设的汇报。' +
      '会议强调，一要加快项目建设；二要抓紧出台促进消费的若干措施。';
    const r = parse(text);
    expect(markers(r)).toEqual([['一要', '二要']]);
    const heard = parse('会议听取了：1.一季度经济运行情况的汇报；2.重点项目推进情况的汇报。会议要求，一要加快项目建设；二要稳住经济大盘。');
    expect(markers(heard)).toEqual([['一要', '二要']]);
  });

  it('requirements about plans are not an agenda', () => {
    expect(markers(parse('会议要求，一是制定完善工作方案；二是细化责任分工方案。'))).toEqual([['一是', '二是']]);
  });

  it('an agenda list alone gives no directives and a warning', () => {
    const r = parse('会议审议了：一、《区政府投资项目管理办法》；二、关于城区停车场建设的汇报；三、关于2023年民生实事的方案。');
    expect(r.groups.filter((g) => g.directives.some((d) => d.marker !== ''))).toEqual([]);
  });
});

describe('markers written without a separator', () => {
  it('reads 会议要求一是…… and 第一要/第二要', () => {
    expect(markers(parse('会议要求一是加快项目建设；二是抓紧招商引资。'))).toEqual([['一是', '二是']]);
    expect(markers(parse('会议强调，第一要提高站位。第二要压实责任。第一书记要发挥作用。'))).toEqual([['第一要', '第二要']]);
  });

  it('a series of another rank inside the last item is nested there, not a group', () => {
    const r = parse('会议要求，一要加快项目建设。二要做到三个到位：第一，资金到位；第二，人员到位；第三，措施到位。会议还研究了其他事项。');
    expect(markers(r)).toEqual([['一要', '二要']]);
    expect(tasksOf(r, 0, 1)).toEqual(expect.arrayContaining(['资金到位', '人员到位', '措施到位']));
  });
});

describe('a whole report', () => {
  it('agenda, requirements, a document, then a speaker with 首先/其次/最后 holding a series of its own', () => {
    const text =
      '4月2日，区政府召开常务会议。会议听取了全区一季度经济运行情况汇报。会议指出，今年以来，全区经济运行总体平稳。' +
      '会议要求，一要加快项目建设，确保按期开工；二要抓紧招商引资。会议还审议通过了《区政府投资项目管理办法》。' +
      '副区长张三就安全生产工作提出要求：首先，要压实责任。其次，要排查隐患，一是排查燃气，二是排查消防。最后，要强化值守。';
    const r = parse(text);
    expect(markers(r)).toEqual([
      ['一要', '二要'],
      ['首先', '其次', '最后'],
    ]);
    expect(tasksOf(r, 1, 1)).toEqual(['排查隐患', '排查燃气', '排查消防']);
    spansHold(text, r);
  });

  it('a speaker’s 第一/第二/第三 with 一是 inside, then another speaker’s 一要 after 随后', () => {
    const r = parse(
      '区长李四提出三点要求。第一，要统一思想。一是提高站位；二是强化担当。第二，要真抓实干。第三，要守牢底线。' +
        '随后，副区长王五对春耕生产作了安排，他强调，一要抓好备耕，二要防范灾害。',
    );
    expect(markers(r)).toEqual([
      ['第一', '第二', '第三'],
      ['一要', '二要'],
    ]);
    expect(r.groups[0]?.directives[2]?.text).toBe('第三，要守牢底线。');
  });
});
