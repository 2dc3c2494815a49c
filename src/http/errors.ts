import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const send = (reply: FastifyReply, status: number, code: string, message: string, details?: unknown) =>
  reply.status(status).send({ error: { code, message, details: details ?? null } } satisfies ErrorBody);

/** One envelope for every error of every endpoint. */
export function errorHandler(err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, err.status, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      field:
        v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        (v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ||
        '',
      message: v.message ?? '格式不正确',
    }));
    const message = details.map((d) => (d.field ? `${d.field}：${d.message}` : d.message)).join('；');
    return send(reply, 422, 'VALIDATION', message, details);
  }
  const status = (err as FastifyError).statusCode ?? 500;
  const code = (err as FastifyError).code ?? '';
  if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
    return send(reply, 413, 'PAYLOAD_TOO_LARGE', '上传内容超过大小上限，请缩小文件后重试');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容类型不受支持');
  }
  if (status >= 400 && status < 500) return send(reply, status, 'BAD_REQUEST', '请求格式错误，请检查后重试');
  request.log.error(err);
  return send(reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
}
