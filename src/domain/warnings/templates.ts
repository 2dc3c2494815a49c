/** Reminder texts, editable: placeholders {number} {title} {unit} {deadline} {reason} are filled per task. */
import type { Light } from './lights.js';

export type ReminderTemplates = Record<Exclude<Light, 'green'>, string>;

export const DEFAULT_TEMPLATES: ReminderTemplates = {
  red: '【逾期预警】{number}“{title}”（{unit}）：{reason}。请立即办理并报送进展。',
  yellow: '【滞后预警】{number}“{title}”（{unit}）：{reason}。请加快推进。',
  blue: '【临期提醒】{number}“{title}”（{unit}）：{reason}，完成时限 {deadline}。',
};

const PLACEHOLDERS = ['number', 'title', 'unit', 'deadline', 'reason'];

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

export function templateProblems(t: ReminderTemplates): string[] {
  const out: string[] = [];
  for (const [light, text] of Object.entries(t)) {
    if (!text.trim()) out.push(`${light} 提醒模板不能为空`);
    if (text.length > 500) out.push(`${light} 提醒模板不能超过 500 字`);
    const unknown = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((k) => !PLACEHOLDERS.includes(k));
    if (unknown.length) out.push(`模板中有未知占位符：${unknown.map((k) => `{${k}}`).join('、')}`);
  }
  return out;
}
