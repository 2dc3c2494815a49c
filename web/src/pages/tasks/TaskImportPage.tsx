import { Alert, Col, DatePicker, Form, Input, Row, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SourceKind, TaskImportResult } from '../../api/taskTypes';
import { ImportCard } from '../../components/ImportCard';
import { useTaskLabels } from '../../components/tasks/useTaskLabels';

interface Values {
  title: string;
  sourceKind: SourceKind;
  issuedOn?: Dayjs;
}

/** 导入年度清单: list name, kind and date, then the .xlsx; all rows or none. */
export default function TaskImportPage() {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const [form] = Form.useForm<Values>();

  const prepare = async () => {
    try {
      const v = await form.validateFields();
      return { query: { title: v.title.trim(), sourceKind: v.sourceKind, issuedOn: v.issuedOn?.format('YYYY-MM-DD') } };
    } catch {
      return { refuse: t('taskImport.needTitle') };
    }
  };

  return (
    <>
      <h2 className="ls-page-title">{t('taskImport.title')}</h2>
      <ImportCard<TaskImportResult>
        url="/tasks/import"
        testId="import-tasks"
        resultTestId="import-result"
        uploadTestId="import-upload"
        intro={t('taskImport.intro')}
        prepare={prepare}
        success={(r) => ({
          title: t('taskImport.success', { count: r.created }),
          detail: (
            <>
              <div style={{ margin: '6px 0' }}>
                {t('taskImport.numbers')}
                {r.numbers.map((n) => (
                  <Tag key={n}>{n}</Tag>
                ))}
              </div>
              <Link to={`/tasks?sourceId=${r.sourceId}`}>{t('taskImport.viewLedger')}</Link>
            </>
          ),
        })}
      >
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('taskImport.columnsTitle')}
          description={
            <>
              <div style={{ fontWeight: 600, margin: '4px 0' }} data-testid="import-columns">
                {t('taskImport.columns')}
              </div>
              <div>{t('taskImport.columnsNote')}</div>
            </>
          }
        />
        <Form<Values> form={form} layout="vertical" initialValues={{ sourceKind: 'annual' }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label={t('taskImport.listTitle')}
                rules={[{ required: true, whitespace: true, message: t('taskImport.needTitle') }]}
              >
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
      </ImportCard>
    </>
  );
}
