import { Alert, Card, Col, DatePicker, Form, Input, Row, Select, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { SourceKind, TaskImportResult } from '../../api/taskTypes';
import type { ImportRowError } from '../../api/types';
import { errorText } from '../../components/feedback';
import { useTaskLabels } from '../../components/tasks/useTaskLabels';
import { ImportErrorTable } from '../../components/ImportErrorTable';

const MAX_BYTES = 5 * 1024 * 1024;

interface Values {
  title: string;
  sourceKind: SourceKind;
  issuedOn?: Dayjs;
}

type Outcome =
  | { type: 'success'; file: string; result: TaskImportResult }
  | { type: 'invalid'; file: string; errors: ImportRowError[] }
  | { type: 'failed'; file: string; message: string };

/** 导入年度清单: list name, kind and date, then the .xlsx; all rows or none. */
export default function TaskImportPage() {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (file: File) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      setOutcome({ type: 'failed', file: file.name, message: t('taskImport.needTitle') });
      return;
    }
    if (!/\.xlsx$/i.test(file.name)) return setOutcome({ type: 'failed', file: file.name, message: t('import.wrongType') });
    if (file.size > MAX_BYTES) return setOutcome({ type: 'failed', file: file.name, message: t('import.tooLarge') });
    setBusy(true);
    setOutcome(null);
    try {
      const query = { title: v.title.trim(), sourceKind: v.sourceKind, issuedOn: v.issuedOn?.format('YYYY-MM-DD') };
      const result = await api.upload<TaskImportResult>('/tasks/import', file, 'file', query);
      setOutcome({ type: 'success', file: file.name, result });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && Array.isArray(e.details)) {
        setOutcome({ type: 'invalid', file: file.name, errors: e.details as ImportRowError[] });
      } else setOutcome({ type: 'failed', file: file.name, message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const fileLine = (name: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('import.file', { name })}
    </Typography.Text>
  );

  return (
    <>
      <h2 className="ls-page-title">{t('taskImport.title')}</h2>
      <Card>
        <Typography.Paragraph type="secondary">{t('taskImport.intro')}</Typography.Paragraph>
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('taskImport.columnsTitle')}
          description={
            <>
              <div style={{ fontWeight: 600, margin: '4px 0' }} data-testid="import-columns">{t('taskImport.columns')}</div>
              <div>{t('taskImport.columnsNote')}</div>
            </>
          }
        />
        <Form<Values> form={form} layout="vertical" initialValues={{ sourceKind: 'annual' }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('taskImport.listTitle')} rules={[{ required: true, whitespace: true, message: t('taskImport.needTitle') }]}>
                <Input maxLength={200} placeholder={t('taskImport.listTitlePlaceholder')} data-testid="import-title" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="sourceKind" label={t('taskImport.sourceKind')}>
                <Select options={labels.sourceKindOptions} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="issuedOn" label={t('taskImport.issuedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void run(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? t('import.uploading') : t('import.drag')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>

        <div data-testid="import-result">
          {outcome?.type === 'success' && (
            <Alert
              style={{ marginTop: 16 }}
              type="success"
              showIcon
              title={t('taskImport.success', { count: outcome.result.created })}
              description={
                <>
                  <div style={{ margin: '6px 0' }}>
                    {t('taskImport.numbers')}
                    {outcome.result.numbers.map((n) => <Tag key={n}>{n}</Tag>)}
                  </div>
                  <Link to={`/tasks?sourceId=${outcome.result.sourceId}`}>{t('taskImport.viewLedger')}</Link>
                  <div>{fileLine(outcome.file)}</div>
                </>
              }
            />
          )}
          {outcome?.type === 'failed' && (
            <Alert style={{ marginTop: 16 }} type="error" showIcon title={t('import.failedTitle')} description={<><div>{outcome.message}</div>{fileLine(outcome.file)}</>} />
          )}
          {outcome?.type === 'invalid' && (
            <>
              <Alert
                style={{ marginTop: 16 }}
                type="error"
                showIcon
                title={t('import.invalidTitle')}
                description={<><div>{t('import.invalidDesc', { count: outcome.errors.length })}</div>{fileLine(outcome.file)}</>}
              />
              <ImportErrorTable errors={outcome.errors} />
            </>
          )}
        </div>
      </Card>
    </>
  );
}
