import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../api/client';
import { useRequest } from '../api/hooks';
import { useAuditLabels } from './auditLabels';

interface Values {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Turns the form into the query the API wants (`from`/`to` as ISO instants). */
function toQuery(v: Values): Query {
  return {
    actor: v.actor?.trim(),
    action: v.action,
    targetType: v.targetType?.trim(),
    targetId: v.targetId?.trim(),
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
  };
}

interface Props {
  onSearch: (q: Query) => void;
  onExport: (q: Query) => void;
  exporting: boolean;
}

export function AuditFilters({ onSearch, onExport, exporting }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = useAuditLabels();
  const named = (code: string, name: string) => (name === code ? code : `${name}（${code}）`);
  const actions = useRequest(() => api.get<{ items: string[] }>('/audit/actions').then((r) => r.items), 'audit-actions');

  return (
    <Form<Values> form={form} layout="inline" onFinish={(v) => onSearch(toQuery(v))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actionPlaceholder')}
          loading={actions.loading}
          options={(actions.data ?? []).map((a) => ({ value: a, label: named(a, labels.action(a)) }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.targetType')}>
        <AutoComplete
          allowClear
          style={{ width: 150 }}
          options={labels.targets.map((c) => ({ value: c, label: named(c, labels.target(c)) }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="targetId" label={t('audit.targetId')}>
        <Input allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} placeholder={[t('audit.startTime'), t('audit.endTime')]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onExport(toQuery(form.getFieldsValue()))} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
