/** The one place that talks HTTP to a robot. Injected everywhere else, so tests can swap it. */
export type SendFn = (url: string, body: unknown) => Promise<void>;

export const SEND_TIMEOUT_MS = 5_000;

/** POSTs JSON with a 5 s timeout; resolves when the robot answers `{ errcode: 0 }`, throws otherwise. */
export const fetchSend: SendFn = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  let json: { errcode?: unknown; errmsg?: unknown } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  if (!json || json.errcode !== 0) throw new Error(`机器人返回错误: ${text.slice(0, 200)}`);
};
