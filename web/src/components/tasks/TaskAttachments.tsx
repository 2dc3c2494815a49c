import { Card, Empty, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/taskTypes';
import { formatTime } from '../format';

export function fileSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

export function AttachmentLink({ taskId, file }: { taskId: string; file: Attachment }) {
  return (
    <a href={`/api/tasks/${taskId}/attachments/${file.id}`} download={file.filename} className="ls-file">
      <PaperClipOutlined /> {file.filename}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
        {fileSize(file.size)}
      </Typography.Text>
    </a>
  );
}

/** Every file on the task, with download links. */
export function TaskAttachments({ taskId, files }: { taskId: string; files: Attachment[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('task.attachments')} size="small" style={{ marginTop: 16 }} data-testid="task-attachments">
      {files.length ? (
        files.map((f) => (
          <div key={f.id} className="ls-file-row">
            <AttachmentLink taskId={taskId} file={f} />
            {f.createdAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(f.createdAt)}
              </Typography.Text>
            )}
          </div>
        ))
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noAttachments')} />
      )}
    </Card>
  );
}
