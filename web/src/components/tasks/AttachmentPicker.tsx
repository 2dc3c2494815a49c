import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { UploadedFile } from '../../api/taskTypes';
import { errorText, toast } from '../feedback';

const MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.txt,.csv,.jpg,.jpeg,.png,.gif,.webp,.zip,.rar,.7z,.ofd';

/** Uploads each chosen file at once to POST /tasks/:id/attachments; the list's `response` holds the attachment. */
export function AttachmentPicker({ taskId, files, onChange, testId }: { taskId: string; files: UploadFile<UploadedFile>[]; onChange: (f: UploadFile<UploadedFile>[]) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Upload<UploadedFile>
      multiple
      accept={ACCEPT}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList.filter((f) => f.status !== 'error'))}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          toast('error', `${file.name}：${t('taskAct.uploadTooLarge')}`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        api.upload<UploadedFile>(`/tasks/${taskId}/attachments`, file as File).then(
          (r) => onSuccess?.(r),
          (e: unknown) => {
            toast('error', `${(file as File).name}：${errorText(e)}`);
            onError?.(e as Error);
          },
        );
      }}
    >
      <Button icon={<PaperClipOutlined />} data-testid={testId}>
        {t('taskAct.upload')}
      </Button>
    </Upload>
  );
}

/** The ids of uploaded files, or null while some are still uploading. */
export function uploadedIds(files: UploadFile<UploadedFile>[]): string[] | null {
  if (files.some((f) => f.status === 'uploading')) return null;
  return files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
}
