/** The periodic briefing (情况通报), as .docx or .xlsx. */
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import type { Period } from '../scoring/period.js';
import { briefingData } from './data.js';
import { briefingDocx } from './docx.js';
import { briefingXlsx } from './xlsx.js';

export { briefingData, periodLabel } from './data.js';

export async function generateBriefing(ctx: Ctx, period: Period, format: 'docx' | 'xlsx') {
  const data = await briefingData(ctx, period);
  const buffer = format === 'docx' ? await briefingDocx(data) : await briefingXlsx(data);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'briefing.generate', targetType: 'task', after: { from: data.from, to: data.to, format } }),
  );
  return { title: data.title, buffer };
}
