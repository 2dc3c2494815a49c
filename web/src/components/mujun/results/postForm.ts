// multipart/form-data POST with text fields and an optional file (the shared client's upload takes a file only).
import { ApiError, buildUrl } from '../../../api/client';
import i18n from '../../../i18n';

async function csrf(): Promise<string | null> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) return null;
  return ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
}

/** Text fields first, then the file: the server reads the fields that come before the file. */
export async function postForm<T>(
  path: string,
  fields: Record<string, string | number | null | undefined>,
  file?: File | null,
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, String(v));
  if (file) form.append('file', file, file.name);
  const token = await csrf();
  let res: Response;
  try {
    res = await fetch(buildUrl(path), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message || i18n.t('error.server'), e?.details);
  }
  return body as T;
}
