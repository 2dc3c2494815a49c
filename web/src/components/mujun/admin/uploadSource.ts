// The department upload: multipart with the fields `year` and `source` before the file.
import { ApiError, postForm } from '../../../api/client';
import type { MujunUpload } from '../../../api/mujunAdminTypes';
import i18n from '../../../i18n';

export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export async function uploadSourceFile(year: number, source: string, file: File): Promise<MujunUpload> {
  const form = new FormData();
  form.append('year', String(year));
  form.append('source', source);
  form.append('file', file, file.name);
  try {
    return await postForm<MujunUpload>('/mujun/uploads', form);
  } catch (e) {
    // a proxy in front of the server refuses a large body without the API's error envelope
    if (e instanceof ApiError && e.code === 'HTTP_413') throw new ApiError(413, e.code, i18n.t('mujunAdmin.data.tooLarge'));
    throw e;
  }
}
