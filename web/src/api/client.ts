// Small typed fetch wrapper for the Luoshi API (see docs/api.md).
import i18n from '../i18n';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Handler = (err: ApiError) => void;

let csrfToken: string | null = null;
let onUnauthorized: Handler | null = null;
let onPasswordChangeRequired: Handler | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered by the auth provider: 401 → login page, 403 PASSWORD_CHANGE_REQUIRED → password page. */
export function setAuthHandlers(h: { unauthorized: Handler; passwordChangeRequired: Handler }): void {
  onUnauthorized = h.unauthorized;
  onPasswordChangeRequired = h.passwordChangeRequired;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, query?: Query): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

export interface RequestOptions {
  /** Do not run the 401 / password-change redirects (login page, first /auth/me). */
  noRedirect?: boolean;
  query?: Query;
  csrfRetried?: boolean;
}

async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const body = (await res.json()) as { csrfToken?: string };
    if (!body.csrfToken) return false;
    csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string') {
    return new ApiError(res.status, e.code, e.message || i18n.t('error.server'), e.details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t('error.server'), undefined);
}

async function request<T>(
  method: string,
  path: string,
  body: BodyInit | undefined,
  json: boolean,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }

  if (!res.ok) {
    const err = await toApiError(res);
    // A stale CSRF token (e.g. after another tab signed in again): fetch a fresh one and try once more.
    if (err.code === 'CSRF_REJECTED' && !opts.csrfRetried && method !== 'GET') {
      const fresh = await refreshCsrf();
      if (fresh) return request<T>(method, path, body, json, { ...opts, csrfRetried: true });
    }
    if (!opts.noRedirect) {
      if (err.status === 401 && onUnauthorized) onUnauthorized(err);
      else if (err.code === 'PASSWORD_CHANGE_REQUIRED' && onPasswordChangeRequired) onPasswordChangeRequired(err);
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get<T>(path: string, query?: Query, opts?: RequestOptions): Promise<T> {
    return request<T>('GET', path, undefined, false, { ...opts, query });
  },
  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('POST', path, body === undefined ? undefined : JSON.stringify(body), body !== undefined, opts);
  },
  put<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('PUT', path, JSON.stringify(body), true, opts);
  },
  patch<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('PATCH', path, JSON.stringify(body), true, opts);
  },
  /** multipart/form-data upload; the browser sets the boundary header. */
  upload<T>(path: string, file: File, field = 'file', query?: Query): Promise<T> {
    const form = new FormData();
    form.append(field, file, file.name);
    return postForm<T>(path, form, { query });
  },
};

/**
 * POST a multipart/form-data body (text fields and files) with the CSRF header and the same error handling, stale-token
 * retry and redirects as every other call. The browser sets the boundary. Append the text fields before the file: the
 * server reads the fields that come before it.
 */
export function postForm<T>(path: string, form: FormData, opts?: RequestOptions): Promise<T> {
  return request<T>('POST', path, form, false, opts);
}

/** GET a file (e.g. an Excel export) and hand it to the browser as a download. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && onUnauthorized) onUnauthorized(err);
    else if (err.code === 'PASSWORD_CHANGE_REQUIRED' && onPasswordChangeRequired) onPasswordChangeRequired(err);
    throw err;
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** True when the error is the given API code. */
export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
