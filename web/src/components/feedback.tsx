// Bridge to antd's context-aware message/notification so non-component code can report errors.
import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';
import i18n from '../i18n';

let messageApi: MessageInstance | null = null;

export function FeedbackBridge(): null {
  const { message } = App.useApp();
  messageApi = message;
  return null;
}

export function toast(kind: 'success' | 'info' | 'warning' | 'error', text: string): void {
  if (messageApi) void messageApi[kind](text);
}

/**
 * The text to show for an error. A 422 VALIDATION message is built as "field：message；…" with the API's field
 * names; the details carry the same Chinese messages without them, so those read better on their own.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'VALIDATION' && Array.isArray(err.details) && err.details.length) {
      return (err.details as FieldError[]).map((d) => d.message).join('；');
    }
    return err.message;
  }
  return i18n.t('error.server');
}

/** Shows the server's Chinese message as is. 401 and password-change redirects speak for themselves. */
export function notifyError(err: unknown): void {
  if (err instanceof ApiError && (err.status === 401 || err.code === 'PASSWORD_CHANGE_REQUIRED')) return;
  toast('error', errorText(err));
}

/**
 * Puts 422 VALIDATION details onto the form fields they name. Anything not matched (or another
 * error) is shown as a message. Field names may come as "name" or "body.name". A 409 CONFLICT goes onto
 * `conflictField` when given (unique codes and usernames).
 */
export function reportFormError(form: FormInstance, err: unknown, fields: string[], conflictField?: string): void {
  if (conflictField && err instanceof ApiError && err.code === 'CONFLICT') {
    form.setFields([{ name: conflictField, errors: [err.message] }]);
    return;
  }
  if (err instanceof ApiError && err.code === 'VALIDATION' && Array.isArray(err.details)) {
    const unmatched: string[] = [];
    const set: { name: string; errors: string[] }[] = [];
    for (const d of err.details as FieldError[]) {
      const raw = String(d.field ?? '');
      const name = fields.includes(raw) ? raw : raw.split('.').pop() ?? '';
      if (fields.includes(name)) set.push({ name, errors: [d.message] });
      else unmatched.push(d.message);
    }
    if (set.length) form.setFields(set);
    if (unmatched.length || !set.length) toast('error', unmatched.length ? unmatched.join('；') : err.message);
    return;
  }
  notifyError(err);
}
