// The department upload: multipart with the fields `year` and `source` before the file (the shared `api.upload` sends a
// file only). The CSRF token comes from /auth/me, which also runs the usual 401 / password-change redirects.
import { api, ApiError, buildUrl } from '../../../api/client';
import type { MujunUpload } from '../../../api/mujunAdminTypes';
import type { SessionAnswer } from '../../../api/types';
import i18n from '../../../i18n';

export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export async function uploadSourceFile(year: number, source: string, file: File): Promise<MujunUpload> {
  const { csrfToken } = await api.get<SessionAnswer>('/auth/me');
  const form = new FormData();
  form.append('year', String(year));
  form.append('source', source);
  form.append('file', file, file.name);
  let res: Response;
  try {
    // year and source also in the query, for a route that reads them there
    res = await fetch(buildUrl('/mujun/uploads', { year, source }), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (e && typeof e.code === 'string') throw new ApiError(res.status, e.code, e.message || i18n.t('error.server'), e.details);
    throw new ApiError(
      res.status,
      `HTTP_${res.status}`,
      res.status === 413 ? i18n.t('mujunAdmin.data.tooLarge') : i18n.t('error.server'),
    );
  }
  return body as MujunUpload;
}
