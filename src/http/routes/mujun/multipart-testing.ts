/** Test helper: multipart bodies with text fields and a file, as the browser's FormData sends them. */
import type { Agent } from '../../../../test/harness.js';

/** A multipart body with text fields and one file, as a browser sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; field?: string }) {
  const boundary = `----luoshi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const { body, contentType } = multipart(fields, file);
  return agent.request('POST', url, body, { 'content-type': contentType });
}
