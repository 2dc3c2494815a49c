import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { meetingParseCommand, type MeetingParseOptions } from './meeting.js';

const SEED = fileURLToPath(new URL('../domain/meetings/fixtures/anyuan-seed-2022-02-11.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'luoshi-meeting-'));

async function run(file: string, opts: MeetingParseOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await meetingParseCommand(file, opts, { out: (l) => out.push(l), err: (l) => err.push(l), today: '2026-05-01' });
  return { code, out, err };
}

describe('luoshi meeting parse', () => {
  it('prints the seed as a Chinese outline', async () => {
    const { code, out, err } = await run(SEED, { year: '2022' });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.slice(0, 4)).toEqual([
      '会议日期：2022-02-11',
      '会议类型：党组会议',
      '主持：邱伟（区长）',
      '出席：龚云华、袁子安、叶方、刘洁兰、谢晖、刘宗峰、刘松',
    ]);
    expect(out).toContain(
      '会议要求（6 条）：对应 省委书记易炼红在萍乡调研时的讲话精神、萍乡市委常委会(扩大)会议精神、区委常委会(扩大)会议精神',
    );
    expect(out).toContain('3. 【第三】招大引强、亩均标准 → 工业强区的每一个项目（任务 10 项，原文第 1022–1423 字）');
    expect(out).toContain('   3.3 加快安源科创城建设　建议牵头：科创城（P-KCC），依据“科创城”');
    expect(out).toContain('   4.4 抓紧出台促进消费的若干举措,着力把城市消费做旺　建议牵头：商务局（SWJ），依据“消费”');
    expect(out.filter((l) => /^\d\. 【第/.test(l))).toHaveLength(6);
    expect(out.at(-1)).toBe('  · 会议还研究部署了安全生产方面的工作（安全生产）　建议牵头：应急管理局（YJJ），依据“安全生产”');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run(SEED, { json: true, year: '2022' });
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.meeting.date).toBe('2022-02-11');
    expect(result.groups[0].directives).toHaveLength(6);
    expect(result.groups[0].directives[2].standard).toBe('招大引强、亩均标准');
  });

  it('takes the year from today without --year, and a custom keyword list with --hints', async () => {
    const hints = join(dir, 'hints.json');
    writeFileSync(hints, JSON.stringify([{ keyword: '消费', unitCode: 'COMMERCE' }]));
    const { code, out } = await run(SEED, { hints });
    expect(code).toBe(0);
    expect(out[0]).toBe('会议日期：2026-02-11');
    expect(out).toContain('   4.4 抓紧出台促进消费的若干举措,着力把城市消费做旺　建议牵头：COMMERCE，依据“消费”');
  });

  it('reads a .docx', async () => {
    const lines = [
      '3月1日，区政府召开常务会议，区长王某主持会议。',
      '会议要求：',
      '一是要加快项目建设；',
      '二是要抓紧出台促进消费的若干举措。',
    ];
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const file = join(dir, '会议.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { code, out } = await run(file, { year: '2024' });
    expect(code).toBe(0);
    expect(out).toContain('2. 【二是】要抓紧出台促进消费的若干举措。（任务 1 项，原文第 46–62 字）');
  });

  it('fails with a Chinese message and exit code 1 on bad input', async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    const badHints = join(dir, 'bad-hints.json');
    writeFileSync(badHints, '[{"keyword": 1}]');
    const cases: [string, MeetingParseOptions, string][] = [
      [join(dir, 'missing.txt'), {}, '错误：找不到文件'],
      [dir, {}, '是目录，不是文件'],
      [pdf, {}, '错误：不支持的文件类型“.pdf”'],
      [broken, {}, '错误：无法读取 Word 文件'],
      [SEED, { year: '22' }, '错误：--year 须为四位年份'],
      [SEED, { hints: badHints }, '格式不对'],
    ];
    for (const [file, opts, message] of cases) {
      const { code, out, err } = await run(file, opts);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(message);
    }
  });
});
