/**
 * The one error type of Luoshi. Every door (HTTP, CLI, import) turns it into the envelope
 * `{ error: { code, message, details } }`; `message` is Chinese and shown to users as it is.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}
export interface CellIssue {
  row: number;
  column: string;
  message: string;
}

export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const sessionExpired = () => new AppError(401, 'SESSION_EXPIRED', '登录已超时，请重新登录');
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
export const passwordChangeRequired = () => new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码');
export const csrfRejected = () => new AppError(403, 'CSRF_REJECTED', '请求校验失败，请刷新页面后重试');
/** Also the answer for rows outside the caller's data scope: no hint that the row exists. */
export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'CONFLICT', message, details);
export const validation = (issues: FieldIssue[]) =>
  new AppError(422, 'VALIDATION', [...new Set(issues.map((i) => i.message))].join('；'), issues);
export const importInvalid = (issues: CellIssue[]) =>
  new AppError(422, 'IMPORT_INVALID', `文件有 ${issues.length} 处错误，未导入任何数据`, issues);
