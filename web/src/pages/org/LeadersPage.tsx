import { Button, Card, Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest, useUnits } from '../../api/hooks';
import type { Leader } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { notifyError, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

function PortfolioModal({ leader, onClose, onSaved }: { leader: Leader | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const units = useUnits(!!leader);
  const [value, setValue] = useState<string[]>(leader?.unitIds ?? []);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!leader) return;
    setBusy(true);
    try {
      await api.put(`/leaders/${leader.personId}/portfolio`, { unitIds: value });
      toast('success', t('leaders.saved'));
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!leader}
      title={leader ? t('leaders.editTitle', { name: `${leader.title ?? ''} ${leader.name}`.trim() }) : ''}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      okText={t('common.save')}
      width={600}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('leaders.pick')}
      </Typography.Paragraph>
      {units.error ? (
        <LoadError error={units.error} onRetry={units.reload} />
      ) : (
        <UnitTreeSelect
          multiple
          units={units.data ?? []}
          loading={units.loading}
          value={value}
          onChange={(v) => setValue((v as string[] | undefined) ?? [])}
          data-testid="portfolio-select"
          style={{ marginBottom: 8 }}
        />
      )}
    </Modal>
  );
}

export default function LeadersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const leaders = useRequest(() => api.get<{ items: Leader[] }>('/leaders').then((r) => r.items), 'leaders');
  const [editing, setEditing] = useState<Leader | null>(null);

  const columns: TableColumnsType<Leader> = [
    { title: t('leaders.jobTitle'), dataIndex: 'title', width: '28%', render: (v: string | null) => v || '—' },
    { title: t('leaders.name'), dataIndex: 'name', width: 120 },
    {
      title: t('leaders.units'),
      dataIndex: 'units',
      render: (units: Leader['units']) =>
        units.length ? (
          units.map((u) => (
            <Tag key={u.id} style={{ marginBottom: 4 }}>
              {u.name}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('leaders.noUnits')}</Typography.Text>
        ),
    },
  ];
  if (can('org.write')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, l) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(l)}>
          {t('leaders.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <h2 className="ls-page-title">{t('leaders.title')}</h2>
      <Card>
        <Typography.Paragraph type="secondary">{t('leaders.intro')}</Typography.Paragraph>
        {leaders.error ? (
          <LoadError error={leaders.error} onRetry={leaders.reload} />
        ) : (
          <Table<Leader>
            rowKey="personId"
            loading={leaders.loading}
            dataSource={leaders.data ?? []}
            columns={columns}
            pagination={false}
            locale={{ emptyText: t('leaders.empty') }}
          />
        )}
      </Card>
      <PortfolioModal
        key={editing?.personId ?? 'closed'}
        leader={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          leaders.reload();
        }}
      />
    </>
  );
}
