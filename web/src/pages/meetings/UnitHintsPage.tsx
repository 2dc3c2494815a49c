import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest, useUnits } from '../../api/hooks';
import type { UnitHint } from '../../api/meetingTypes';
import { errorText, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';

type Row = UnitHint & { key: number };
let seq = 0;

/** 关键词对照: keyword → the unit (by code) the parser suggests as lead. */
export default function UnitHintsPage() {
  const { t } = useTranslation();
  const hints = useRequest(() => api.get<{ items: UnitHint[] }>('/meetings/unit-hints').then((r) => r.items), 'unit-hints');
  const units = useUnits();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (hints.data) setRows(hints.data.map((h) => ({ ...h, key: ++seq })));
  }, [hints.data]);

  const set = (key: number, patch: Partial<UnitHint>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const known = new Set((units.data ?? []).map((u) => u.code));
  const options = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const items = rows.map(({ keyword, unitCode }) => ({ keyword: keyword.trim(), unitCode })).filter((r) => r.keyword || r.unitCode);
      const r = await api.put<{ items: UnitHint[] }>('/meetings/unit-hints', { items });
      setRows(r.items.map((h) => ({ ...h, key: ++seq })));
      toast('success', t('meetings.hints.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (hints.error) return <LoadError error={hints.error} onRetry={hints.reload} />;
  return (
    <>
      <h2 className="ls-page-title">{t('meetings.hintsTitle')}</h2>
      <Card>
        <Typography.Paragraph type="secondary">{t('meetings.hints.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<Row>
          rowKey="key"
          size="small"
          loading={hints.loading}
          dataSource={rows}
          pagination={false}
          data-testid="hints-table"
          columns={[
            {
              title: t('meetings.hints.keyword'),
              dataIndex: 'keyword',
              width: 240,
              render: (v: string, r) => <Input value={v} maxLength={30} onChange={(e) => set(r.key, { keyword: e.target.value })} />,
            },
            {
              title: t('meetings.hints.unit'),
              dataIndex: 'unitCode',
              render: (v: string, r) => (
                <Select
                  value={v || undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.loading}
                  options={v && units.data && !known.has(v) ? [...options, { value: v, label: t('meetings.hints.unknownUnit', { code: v }) }] : options}
                  onChange={(c: string) => set(r.key, { unitCode: c })}
                  style={{ width: '100%', maxWidth: 420 }}
                />
              ),
            },
            {
              key: 'ops',
              width: 60,
              render: (_: unknown, r) => (
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('meetings.hints.remove')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { key: ++seq, keyword: '', unitCode: '' }])}>
            {t('meetings.hints.add')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="hints-save">
            {t('meetings.hints.save')}
          </Button>
        </Space>
      </Card>
    </>
  );
}
