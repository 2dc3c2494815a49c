/** The district's time zone; Chinese districts use Asia/Shanghai. Set LUOSHI_TZ to change it. */
export const districtTimeZone = (): string => process.env.LUOSHI_TZ || 'Asia/Shanghai';

/** `YYYY-MM-DD HH:mm:ss` in the given zone. */
export function formatDateTime(d: Date, timeZone = districtTimeZone()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .format(d)
    .replace('T', ' ');
}
