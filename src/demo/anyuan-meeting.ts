/**
 * The founding meeting of the demo as a parsed meeting: its report (the seed) and, for each demo key task from it, the
 * directive it carries out — by the task's category, as the supervision office would file it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MEETING_TITLE = '区政府党组会议（2022年2月11日）';
export const MEETING_YEAR = 2022;

export function meetingReport(): string {
  return readFileSync(fileURLToPath(new URL('./anyuan-meeting-2022-02-11.txt', import.meta.url)), 'utf8');
}

/** Category of a demo task → the ordinal of the directive (第一 … 第六) it serves. */
export const DIRECTIVE_OF_CATEGORY: Record<string, number> = {
  对标争先: 2,
  招大引强: 3,
  工业强区: 3,
  创新驱动: 3,
  数字经济: 3,
  营商环境: 3,
  财政税务: 3,
  扩大内需: 4,
  城市建设: 4,
  民生实事: 4,
  教育: 4,
  乡村振兴: 5,
  文化旅游: 5,
  粮食安全: 5,
  政府自身建设: 6,
};
