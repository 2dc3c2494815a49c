import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { importOrg, importTemplate } from '../../../services/org/import.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, typed, type Routes } from '../../deps.js';

const kindParams = z.object({ kind: z.enum(['units', 'people'], '导入类型只能是 units 或 people') });
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const importRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['org'];
  r.get('/import/templates/:kind', { schema: { params: kindParams, tags, summary: '下载导入模板' } }, async (req, reply) => {
    const buf = await importTemplate(ctxOf(req, deps), req.params.kind);
    const name = req.params.kind === 'units' ? '单位导入模板.xlsx' : '人员导入模板.xlsx';
    return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(name)).send(buf);
  });
  r.post(
    '/import/:kind',
    { schema: { params: kindParams, tags, summary: '从 Excel 导入（全部成功或全部不导入）' } },
    async (req) => {
      return importOrg(ctxOf(req, deps), req.params.kind, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
        const file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
        if (!file) throw new AppError(422, 'VALIDATION', '请选择要上传的文件', [{ field: 'file', message: '缺少文件' }]);
        return file.toBuffer();
      });
    },
  );
};
