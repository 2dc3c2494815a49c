/** Files on a task: uploaded by those who work on it, downloaded by those who may see it. */
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { relationHolds } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { checkAttachmentType } from '../../domain/files/attachments.js';
import { loadVisibleTask, seesAll } from './access.js';

export { ATTACHMENT_MAX_BYTES } from '../../domain/files/attachments.js';

export async function uploadAttachment(
  ctx: Ctx,
  taskId: string,
  file: () => Promise<{ filename: string; mime: string; content: Buffer }>,
) {
  requirePermission(ctx, 'tasks.read');
  const { facts } = await loadVisibleTask(ctx.db, ctx, taskId);
  const mayWork = seesAll(ctx.actor) || relationHolds('involved_unit', facts, ctx.actor);
  if (!mayWork || ctx.actor.roles.every((r) => ['viewer', 'evaluator', 'leader'].includes(r))) {
    throw new AppError(403, 'FORBIDDEN', '您不能为此事项上传附件');
  }
  const f = await file();
  checkAttachmentType(f.filename);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        taskId,
        filename: f.filename.slice(0, 200),
        mime: f.mime || 'application/octet-stream',
        size: f.content.length,
        content: f.content,
        uploadedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: attachments.id, filename: attachments.filename, size: attachments.size, mime: attachments.mime });
    await recordAudit(tx, ctx, {
      action: 'task.attachment_upload',
      targetType: 'task',
      targetId: taskId,
      after: { attachmentId: row!.id, filename: row!.filename, size: row!.size },
    });
    return row!;
  });
}

export async function downloadAttachment(ctx: Ctx, taskId: string, attachmentId: string) {
  requirePermission(ctx, 'tasks.read');
  await loadVisibleTask(ctx.db, ctx, taskId);
  const [row] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.taskId, taskId)));
  if (!row) throw notFound('附件');
  return row;
}
