/**
 * Multipart uploads and file downloads for every route: the text fields and one size-limited file of a request, and
 * a safe `Content-Disposition` for a stored file's name.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, validation } from '../domain/errors.js';

export interface UploadedFile {
  filename: string;
  mime: string;
  content: Buffer;
}

/**
 * Reads a multipart request: its text fields (in any order around the file) and at most one file of `maxBytes`.
 * A larger file answers 413 naming the limit.
 */
export async function readMultipart(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.filename) file = { filename: part.filename, mime: part.mimetype, content };
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `上传文件超过大小上限（不超过 ${maxBytes / 1048576} MB）`);
    }
    throw e;
  }
  return { fields, file };
}

/**
 * A file name fit for a header and a download: the last path segment, without control characters, quotes or
 * characters Windows refuses, at most 150 characters (the extension kept); empty → `fallback`.
 */
export function safeFileName(name: string, fallback = 'download'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f"<>:|?*;\\]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (clean.length > 150) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 150 - ext.length) + ext;
  }
  return clean || fallback;
}

/**
 * `Content-Disposition` of a download: an ASCII `filename` (the fallback when the name is not ASCII) for old clients and the real name as
 * RFC 5987 `filename*` (UTF-8, percent-encoded, including the characters encodeURIComponent leaves: ' ( ) *).
 */
export function attachmentDisposition(name: string, fallback = 'download', type: 'attachment' | 'inline' = 'attachment'): string {
  const file = safeFileName(name, fallback);
  const ascii = /^[\x20-\x7e]+$/.test(file) ? file.replace(/[%\\"]/g, '_') : safeFileName(fallback);
  const encoded = encodeURIComponent(file).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Validates multipart text fields with a zod schema; problems answer 422 naming the field. */
export function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(fields);
  if (!r.success) {
    throw validation(r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  }
  return r.data;
}

/** The one file of a multipart request (nothing else expected), at most `maxBytes`. */
export async function oneFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError(422, 'VALIDATION', '请选择要上传的文件', [{ field: 'file', message: '缺少文件' }]);
  const content = await file.toBuffer();
  return { filename: file.filename, mime: file.mimetype, content };
}

/**
 * Sends a stored upload (an attachment, a project file, appeal evidence) as a download: never rendered by the browser
 * (attachment, nosniff, a sandboxing CSP), never cached.
 */
export function sendStoredFile(
  reply: FastifyReply,
  f: { filename: string; mime: string; content: Buffer },
  fallback: string,
): FastifyReply {
  return reply
    .header('content-type', f.mime)
    .header('content-disposition', attachmentDisposition(f.filename, fallback))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(f.content);
}
