import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  backoff,
  checkWebhookUrl,
  dingtalkSign,
  inQuietHours,
  mask,
  maskUrl,
  messageBody,
  minutesUntil,
  signedUrl,
} from './webhooks.js';

describe('DingTalk signing', () => {
  it('is HmacSHA256 of "timestamp\\nsecret" keyed with the secret, base64, URL-encoded', () => {
    const secret = 'SECf2a1c3e4b5d6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2';
    const ts = 1772413200000;
    const expected = encodeURIComponent(createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'));
    expect(dingtalkSign(secret, ts)).toEqual({ timestamp: String(ts), sign: expected });
    // a fixed vector, computed once with node:crypto
    expect(dingtalkSign('SECtest', 1700000000000).sign).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D');
  });
  it('appends timestamp and sign to the robot URL, and leaves unsigned robots alone', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
    const { sign } = dingtalkSign('S', 5);
    expect(signedUrl('dingtalk', url, 'S', 5)).toBe(`${url}&timestamp=5&sign=${sign}`);
    expect(signedUrl('dingtalk', url, null, 5)).toBe(url);
    expect(signedUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'S', 5)).not.toContain('sign=');
  });
});

describe('message bodies', () => {
  it('are text messages for both robots', () => {
    expect(messageBody('dingtalk', '你好')).toEqual({ msgtype: 'text', text: { content: '你好' } });
    expect(messageBody('wecom', '你好')).toEqual({ msgtype: 'text', text: { content: '你好' } });
  });
});

describe('backoff', () => {
  it('waits 1, 5, 30, 120 minutes, then stays at 120; five attempts in all', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoff(a) / 60_000)).toEqual([1, 5, 30, 120, 120]);
    expect(MAX_ATTEMPTS).toBe(5);
  });
});

describe('quiet hours', () => {
  it('handle same-day ranges and ranges over midnight', () => {
    expect(inQuietHours('12:30', '12:00', '14:00')).toBe(true);
    expect(inQuietHours('14:00', '12:00', '14:00')).toBe(false);
    expect(inQuietHours('23:10', '22:00', '07:00')).toBe(true);
    expect(inQuietHours('06:59', '22:00', '07:00')).toBe(true);
    expect(inQuietHours('07:00', '22:00', '07:00')).toBe(false);
    expect(inQuietHours('09:00', '22:00', '07:00')).toBe(false);
    expect(inQuietHours('09:00', null, null)).toBe(false);
  });
  it('count the minutes to their end', () => {
    expect(minutesUntil('23:00', '07:00')).toBe(480);
    expect(minutesUntil('06:30', '07:00')).toBe(30);
  });
});

describe('URL checks and masking', () => {
  it('accept only the robots’ own https hosts, and 127.0.0.1 when allowed', () => {
    expect(checkWebhookUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=x')).toBeNull();
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBeNull();
    expect(checkWebhookUrl('dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=x')).toMatch(/https/);
    expect(checkWebhookUrl('dingtalk', 'https://evil.example/robot/send?access_token=x')).toMatch(/oapi\.dingtalk\.com/);
    expect(checkWebhookUrl('wecom', 'https://oapi.dingtalk.com/x?key=x')).not.toBeNull();
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send')).toMatch(/key/);
    expect(checkWebhookUrl('dingtalk', 'http://127.0.0.1:8080/robot/send?access_token=x')).not.toBeNull();
    expect(checkWebhookUrl('dingtalk', 'http://127.0.0.1:8080/robot/send?access_token=x', true)).toBeNull();
    expect(checkWebhookUrl('dingtalk', 'http://10.0.0.1:8080/robot/send?access_token=x', true)).not.toBeNull();
  });
  it('mask secrets and tokens', () => {
    expect(mask('SECabcdef123456')).toBe('********3456');
    expect(maskUrl('https://oapi.dingtalk.com/robot/send?access_token=abcdef123456')).not.toContain('abcdef12');
  });
});
