/** Which evidence files Luoshi keeps (tasks, projects): the one size limit and list of types. */
import { AppError } from '../errors.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = /\.(pdf|docx?|xlsx?|pptx?|wps|et|txt|csv|jpe?g|png|gif|webp|zip|rar|7z|ofd)$/i;

/** Refuses a file type Luoshi does not keep (422 naming the field). */
export function checkAttachmentType(filename: string): void {
  if (!ALLOWED.test(filename))
    throw new AppError(422, 'VALIDATION', '不支持的附件类型（可上传 PDF、Office、图片、压缩包等）', [
      { field: 'file', message: '文件类型不支持' },
    ]);
}
