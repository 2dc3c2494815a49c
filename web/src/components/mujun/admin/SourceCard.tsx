import { Alert, Button, Card, Descriptions, Empty, Modal, Popover, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { CopyOutlined, HistoryOutlined, TableOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { MujunFileProblem, MujunUpload } from '../../../api/mujunAdminTypes';
import type { MujunField, MujunSource } from '../../../api/mujunTypes';
import { errorText, toast } from '../../feedback';
import { copyText, formatTime } from '../../format';
import { FileProblemTable } from './FileProblemTable';
import { UPLOAD_MAX_BYTES, uploadSourceFile } from './uploadSource';

type Outcome =
  | { type: 'invalid'; file: string; problems: MujunFileProblem[] }
  | { type: 'failed'; file: string; message: string }
  | { type: 'warnings'; warnings: string[] };

function ShortSha({ sha }: { sha: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Typography.Text code style={{ fontSize: 12 }}>
        {sha.slice(0, 12)}
      </Typography.Text>
      <Tooltip title={t('mujunAdmin.data.shaCopy')}>
        <Button
          type="text"
          size="small"
          icon={<CopyOutlined />}
          aria-label={t('mujunAdmin.data.shaCopy')}
          onClick={() =>
            void copyText(sha).then((ok) => toast(ok ? 'success' : 'error', t(ok ? 'common.copied' : 'common.copyFailed')))
          }
        />
      </Tooltip>
    </Space>
  );
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The columns a department's file carries: credit code and name, then its own fields. */
export function ExpectedColumns({ source, fields }: { source: MujunSource; fields: MujunField[] }) {
  const { t } = useTranslation();
  const keys = ['uscc', 'name', ...source.fields.filter((f) => f !== 'uscc' && f !== 'name')];
  const rows = keys.map((k) => fields.find((f) => f.key === k) ?? { key: k, zh: k, type: 'text' as const });
  return (
    <div style={{ maxWidth: 380 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('mujunAdmin.data.columnsHelp')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('mujunAdmin.data.column'),
            dataIndex: 'zh',
            render: (v: string, f) => (
              <span>
                {v}
                {(f.key === 'uscc' || f.key === 'name' || f.required) && (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    {t('mujunAdmin.data.required')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: 'key', dataIndex: 'key', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        ]}
      />
    </div>
  );
}

/** One department: its latest upload of the year, the upload button, the history and the expected columns. */
export function SourceCard({
  source,
  sourceName,
  year,
  uploads,
  fields,
  onUploaded,
}: {
  source: MujunSource;
  sourceName: string;
  year: number;
  /** this source's uploads of the year, newest first */
  uploads: MujunUpload[];
  fields: MujunField[];
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const latest = uploads[0];

  const run = async (file: File) => {
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setOutcome({ type: 'failed', file: file.name, message: t('mujunAdmin.data.wrongType') });
      return;
    }
    if (file.size > UPLOAD_MAX_BYTES) {
      setOutcome({ type: 'failed', file: file.name, message: t('mujunAdmin.data.tooLarge') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const u = await uploadSourceFile(year, source.id, file);
      toast('success', t('mujunAdmin.data.uploaded', { source: sourceName, count: u.rowCount }));
      if (u.warnings?.length) setOutcome({ type: 'warnings', warnings: u.warnings });
      onUploaded();
    } catch (e) {
      if (
        e instanceof ApiError &&
        e.status === 422 &&
        Array.isArray(e.details) &&
        e.details.length &&
        'row' in (e.details[0] as object)
      ) {
        setOutcome({ type: 'invalid', file: file.name, problems: e.details as MujunFileProblem[] });
      } else {
        setOutcome({ type: 'failed', file: file.name, message: errorText(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={sourceName}
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
      data-testid={`mujun-source-${source.id}`}
      extra={
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void run(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button
            size="small"
            type={latest ? 'default' : 'primary'}
            icon={<UploadOutlined />}
            loading={busy}
            data-testid={`mujun-upload-${source.id}`}
          >
            {latest ? t('mujunAdmin.data.reupload') : t('mujunAdmin.data.upload')}
          </Button>
        </Upload>
      }
    >
      {latest ? (
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 72, color: '#8c8c8c' } }}
          items={[
            {
              key: 'file',
              label: t('mujunAdmin.data.file'),
              children: (
                <Typography.Text ellipsis={{ tooltip: latest.fileName }} style={{ maxWidth: 240 }}>
                  {latest.fileName}
                </Typography.Text>
              ),
            },
            {
              key: 'rows',
              label: t('mujunAdmin.data.rows'),
              children: (
                <span>
                  {t('mujunAdmin.data.rowsValue', { count: latest.rowCount })}
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {sizeText(latest.size)}
                  </Typography.Text>
                </span>
              ),
            },
            { key: 'sha', label: t('mujunAdmin.data.sha'), children: <ShortSha sha={latest.sha256} /> },
            {
              key: 'by',
              label: t('mujunAdmin.data.by'),
              children: (
                <span>
                  {latest.uploadedByName}
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {formatTime(latest.createdAt)}
                  </Typography.Text>
                </span>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mujunAdmin.data.none')} style={{ margin: '8px 0' }} />
      )}
      <div style={{ marginTop: 'auto', display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Popover
          trigger="click"
          title={t('mujunAdmin.data.columns')}
          content={<ExpectedColumns source={source} fields={fields} />}
        >
          <Button type="link" size="small" icon={<TableOutlined />} style={{ paddingInline: 0 }}>
            {t('mujunAdmin.data.columns')}
          </Button>
        </Popover>
        {uploads.length > 0 && (
          <Button
            type="link"
            size="small"
            icon={<HistoryOutlined />}
            onClick={() => setHistoryOpen(true)}
            data-testid={`mujun-history-${source.id}`}
          >
            {t('mujunAdmin.data.history', { count: uploads.length })}
          </Button>
        )}
      </div>
      {outcome?.type === 'failed' && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          title={t('mujunAdmin.data.failedTitle', { source: sourceName })}
          description={
            <>
              <div>{outcome.message}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('mujunAdmin.data.invalidFile', { name: outcome.file })}
              </Typography.Text>
            </>
          }
          data-testid={`mujun-upload-error-${source.id}`}
        />
      )}
      {outcome?.type === 'warnings' && (
        <Alert type="warning" showIcon closable={{ onClose: () => setOutcome(null) }} title={outcome.warnings.join('；')} />
      )}
      <Modal
        open={outcome?.type === 'invalid'}
        width={820}
        title={
          outcome?.type === 'invalid'
            ? t('mujunAdmin.data.invalidTitle', { source: sourceName, count: outcome.problems.length })
            : undefined
        }
        onCancel={() => setOutcome(null)}
        footer={<Button onClick={() => setOutcome(null)}>{t('common.close')}</Button>}
      >
        {outcome?.type === 'invalid' && (
          <>
            <Typography.Text type="secondary">{t('mujunAdmin.data.invalidFile', { name: outcome.file })}</Typography.Text>
            <FileProblemTable problems={outcome.problems} />
          </>
        )}
      </Modal>
      <Modal
        open={historyOpen}
        width={860}
        title={t('mujunAdmin.data.historyTitle', { source: sourceName, year })}
        onCancel={() => setHistoryOpen(false)}
        footer={<Button onClick={() => setHistoryOpen(false)}>{t('common.close')}</Button>}
      >
        <Table<MujunUpload>
          size="small"
          rowKey="id"
          dataSource={uploads}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
          columns={[
            {
              title: t('mujunAdmin.data.file'),
              dataIndex: 'fileName',
              render: (v: string, u) => (
                <span>
                  {v}
                  {u.id === latest?.id && (
                    <Tag color="green" style={{ marginLeft: 6 }}>
                      {t('mujunAdmin.data.current')}
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: t('mujunAdmin.data.rows'), dataIndex: 'rowCount', width: 80, align: 'right' },
            { title: t('mujunAdmin.data.sha'), dataIndex: 'sha256', width: 170, render: (v: string) => <ShortSha sha={v} /> },
            { title: t('mujunAdmin.data.by'), dataIndex: 'uploadedByName', width: 140 },
            { title: t('mujunAdmin.data.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          ]}
        />
      </Modal>
    </Card>
  );
}
