/**
 * Outgoing group-robot webhooks (DingTalk 钉钉 and WeCom 企业微信): signing, message bodies, retry backoff and quiet
 * hours. Pure functions, no I/O.
 */
import { createHmac } from 'node:crypto';

export const WEBHOOK_KINDS = ['dingtalk', 'wecom'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The hosts the robots live on; any other host is refused in production. */
export const WEBHOOK_HOSTS: Record<WebhookKind, string> = {
  dingtalk: 'oapi.dingtalk.com',
  wecom: 'qyapi.weixin.qq.com',
};

/**
 * DingTalk's 加签: HmacSHA256 of `${timestamp}\n${secret}` keyed with the secret, base64, then URL-encoded. Returns
 * the two query parameters to append to the robot URL (`&timestamp=…&sign=…`); `sign` is already URL-encoded.
 */
export function dingtalkSign(secret: string, timestampMs: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampMs);
  const b64 = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return { timestamp, sign: encodeURIComponent(b64) };
}

/** The robot URL with DingTalk's signature appended (when there is a secret). */
export function signedUrl(kind: WebhookKind, url: string, secret: string | null, timestampMs: number): string {
  if (kind !== 'dingtalk' || !secret) return url;
  const { timestamp, sign } = dingtalkSign(secret, timestampMs);
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
}

export interface TextMessage {
  msgtype: 'text';
  text: { content: string };
}

/** A text message; DingTalk and WeCom robots take the same shape. */
export function messageBody(_kind: WebhookKind, content: string): TextMessage {
  return { msgtype: 'text', text: { content } };
}

/** Minutes to wait after failed attempt n (1-based); after MAX_ATTEMPTS the delivery is failed. */
const BACKOFF_MINUTES = [1, 5, 30, 120];
export const MAX_ATTEMPTS = 5;

export function backoff(attempt: number): number {
  const i = Math.min(Math.max(attempt, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[i]! * 60_000;
}

export const isHhMm = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether local time `HH:MM` is inside [start, end); a range may wrap over midnight (22:00–07:00). */
export function inQuietHours(localTime: string, start: string | null, end: string | null): boolean {
  if (!start || !end || start === end) return false;
  const t = minutesOf(localTime);
  const s = minutesOf(start);
  const e = minutesOf(end);
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** Whole minutes from local time `HH:MM` to the next `end` (1…1440). */
export function minutesUntil(localTime: string, end: string): number {
  const d = (minutesOf(end) - minutesOf(localTime) + 1440) % 1440;
  return d === 0 ? 1440 : d;
}

/** Hides all but the last four characters. */
export function mask(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 4 ? '****' : `${'*'.repeat(Math.min(8, value.length - 4))}${value.slice(-4)}`;
}

/** The robot URL with its token (`access_token` or `key`) masked. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const p of ['access_token', 'key']) {
      const v = u.searchParams.get(p);
      if (v) u.searchParams.set(p, mask(v)!);
    }
    return u.toString();
  } catch {
    return mask(url)!;
  }
}

/**
 * Checks a robot URL: https on the robot's own host, carrying its token; `http://127.0.0.1:<port>` only with
 * `allowLocal` (tests). Returns a Chinese message, or null when the URL is acceptable.
 */
export function checkWebhookUrl(kind: WebhookKind, url: string, allowLocal = false): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '机器人地址格式不正确';
  }
  const local = allowLocal && u.protocol === 'http:' && u.hostname === '127.0.0.1';
  if (!local) {
    if (u.protocol !== 'https:') return '机器人地址必须使用 https';
    if (u.hostname !== WEBHOOK_HOSTS[kind] || u.port !== '')
      return `${kind === 'dingtalk' ? '钉钉' : '企业微信'}机器人地址必须是 https://${WEBHOOK_HOSTS[kind]}/…`;
  }
  if (u.username || u.password) return '机器人地址不能包含用户名或密码';
  const token = kind === 'dingtalk' ? 'access_token' : 'key';
  if (!u.searchParams.get(token)) return `机器人地址缺少 ${token} 参数`;
  return null;
}
