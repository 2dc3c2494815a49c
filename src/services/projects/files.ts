/** Evidence files of a project (a stage's document, an acceptance's survey): kept by the register's keepers. */
import { and, eq } from 'drizzle-orm';
import { projectFiles } from '../../db/schema.js';
import { checkAttachmentType } from '../../domain/files/attachments.js';
import { evidenceMime } from '../../domain/files/evidence.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleProject, reportsFor } from './access.js';
import { recordProjectEvent } from './events.js';
import { projectSettings } from './settings.js';

export async function uploadProjectFile(
  ctx: Ctx,
  projectId: string,
  file: () => Promise<{ filename: string; mime: string; content: Buffer }>,
) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  const { project } = await loadVisibleProject(ctx.db, ctx, s, projectId);
  if (!reportsFor(ctx.actor, s, project)) throw forbidden('您不能为此项目上传材料');
  const f = await file();
  checkAttachmentType(f.filename);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectFiles)
      .values({
        projectId,
        filename: f.filename.slice(0, 200),
        // served as its extension says, never as the sender claimed
        mime: evidenceMime(f.filename),
        size: f.content.length,
        content: f.content,
        uploadedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: projectFiles.id, filename: projectFiles.filename, size: projectFiles.size });
    await recordProjectEvent(tx, ctx, projectId, { action: 'file', comment: row!.filename, data: { fileId: row!.id, size: row!.size } });
    return row!;
  });
}

export async function downloadProjectFile(ctx: Ctx, projectId: string, fileId: string) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  await loadVisibleProject(ctx.db, ctx, s, projectId);
  const [row] = await ctx.db
    .select()
    .from(projectFiles)
    .where(and(eq(projectFiles.id, fileId), eq(projectFiles.projectId, projectId)));
  if (!row) throw notFound('材料');
  return row;
}
