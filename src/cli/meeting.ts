/** `luoshi meeting parse FILE [--json] [--year N] [--hints FILE]`: a meeting report → directives and draft tasks. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UNITS } from '../demo/anyuan.js';
import { DEFAULT_UNIT_HINTS } from '../demo/unit-hints.js';
import { AppError } from '../domain/errors.js';
import { parseMeetingReport, type ParsedMeeting, type UnitHint } from '../domain/meetings/parser.js';
import { localDate } from '../domain/time/dates.js';

export interface MeetingParseOptions {
  json?: boolean;
  year?: string;
  hints?: string;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** YYYY-MM-DD; today in the district's zone when absent. */
  today?: string;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const CN_ORDINALS = '一二三四五六七八九十';

/** One line of display: whitespace collapsed, cut at `max` characters. */
function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The readable Chinese outline of a parse. `unitName` names a unit code when it can. */
export function formatOutline(result: ParsedMeeting, unitName: (code: string) => string | null): string[] {
  const lines: string[] = [];
  const m = result.meeting;
  const unit = (code: string | null, keyword: string | null) => {
    if (!code) return '牵头单位：待定';
    const name = unitName(code);
    return `建议牵头：${name ? `${name}（${code}）` : code}，依据“${keyword ?? ''}”`;
  };
  lines.push(`会议日期：${m.date ?? '未识别'}`);
  lines.push(`会议类型：${m.kind ?? '未识别'}`);
  lines.push(`主持：${m.chair ? `${m.chair}${m.chairTitle ? `（${m.chairTitle}）` : ''}` : '未识别'}`);
  lines.push(`出席：${m.attendees.length > 0 ? m.attendees.join('、') : '未识别'}`);
  if (m.studied.length > 0) {
    lines.push('传达学习：');
    for (const s of m.studied) lines.push(`  · ${excerpt(s, 60)}`);
  }
  result.groups.forEach((g, gi) => {
    lines.push('');
    const name = result.groups.length > 1 ? `第${CN_ORDINALS[gi] ?? gi + 1}组要求` : '会议要求';
    lines.push(`${name}（${g.directives.length} 条）${g.title ? `：对应 ${excerpt(g.title, 60)}` : ''}`);
    for (const d of g.directives) {
      const head = d.standard
        ? `${d.standard} → ${d.field ?? '（未写明领域）'}`
        : excerpt(d.text.slice(d.marker.length).replace(/^[\s、，,．.：:]+/, ''), 40);
      const marker = d.marker ? `【${d.marker}】` : '';
      lines.push(`${d.ordinal}. ${marker}${head}（任务 ${d.tasks.length} 项，原文第 ${d.span.start + 1}–${d.span.end} 字）`);
      d.tasks.forEach((task, ti) => {
        lines.push(`   ${d.ordinal}.${ti + 1} ${excerpt(task.text, 48)}　${unit(task.suggestedUnitCode, task.matchedKeyword)}`);
      });
    }
  });
  if (result.closingItems.length > 0) {
    lines.push('');
    lines.push('其他事项：');
    for (const c of result.closingItems) {
      const topic = c.topic ? `（${excerpt(c.topic, 30)}）` : '';
      lines.push(`  · ${excerpt(c.text, 48)}${topic}　${unit(c.suggestedUnitCode, c.matchedKeyword)}`);
    }
  }
  if (result.warnings.length > 0) {
    lines.push('');
    lines.push('提示：');
    for (const w of result.warnings) lines.push(`  · ${w}`);
  }
  return lines;
}

async function readHints(file: string): Promise<UnitHint[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new AppError(422, 'HINTS_INVALID', `无法读取对照表“${file}”：须为 JSON 数组 [{"keyword": "…", "unitCode": "…"}]`);
  }
  const ok = (h: unknown): h is UnitHint =>
    typeof h === 'object' &&
    h !== null &&
    typeof (h as UnitHint).keyword === 'string' &&
    typeof (h as UnitHint).unitCode === 'string';
  if (!Array.isArray(raw) || !raw.every(ok)) {
    throw new AppError(422, 'HINTS_INVALID', `对照表“${file}”格式不对：须为 [{"keyword": "…", "unitCode": "…"}]`);
  }
  return raw;
}

/** Runs the command; returns the exit code (0, or 1 with a Chinese message on stderr). */
export async function meetingParseCommand(file: string, opts: MeetingParseOptions, io: CliIo = consoleIo): Promise<number> {
  try {
    let publicationYear: number | undefined;
    if (opts.year !== undefined) {
      publicationYear = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year) || publicationYear < 1949 || publicationYear > 2100) {
        throw new AppError(422, 'VALIDATION', `--year 须为四位年份（如 2022），而不是“${opts.year}”`);
      }
    }
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new AppError(
        404,
        'NOT_FOUND',
        code === 'ENOENT'
          ? `找不到文件“${file}”`
          : code === 'EISDIR'
            ? `“${file}”是目录，不是文件`
            : `无法读取文件“${file}”（${code ?? '未知错误'}）`,
      );
    }
    // loaded here: mammoth (.docx) takes ~60 ms to load, which every other command (evaluate) would pay at start-up
    const { readReport } = await import('../services/meetings/read-report.js');
    const text = await readReport(data, file);
    const unitHints = opts.hints ? await readHints(opts.hints) : DEFAULT_UNIT_HINTS;
    const today = io.today ?? localDate(new Date());
    const result = parseMeetingReport(text, { publicationYear, today, unitHints });
    if (opts.json) io.out(JSON.stringify(result, null, 2));
    else {
      // unit names are known for the demo list only; a custom list shows its codes
      const names = new Map(opts.hints ? [] : UNITS.map((u) => [u.code, u.shortName]));
      for (const line of formatOutline(result, (code) => names.get(code) ?? null)) io.out(line);
    }
    return 0;
  } catch (e) {
    io.err(`错误：${e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export function registerMeetingCommand(program: Command): void {
  const meeting = program.command('meeting').description('会议报道 (meeting reports)');
  meeting
    .command('parse')
    .description('把会议报道（.txt 或 .docx）解析为会议要求和任务草稿 (parse a meeting report into directives and draft tasks)')
    .argument('<file>', '会议报道文件，.txt 或 .docx (report file)')
    .option('--json', '输出 JSON (print JSON)')
    .option('--year <year>', '发布年份，用来补全“2月11日”这样的日期，默认今年 (publication year)')
    .option('--hints <file>', '关键词→牵头单位对照表 JSON，默认用示范区的 (keyword → unit code list)')
    .action(async (file: string, opts: MeetingParseOptions) => {
      // output piped into `head` and cut short is not an error
      process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
      process.exitCode = await meetingParseCommand(file, opts);
    });
}
