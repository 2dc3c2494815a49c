import { Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { usePaged, useUnits } from '../../api/hooks';
import type { Person } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { notifyError, toast } from '../../components/feedback';
import { PersonFormModal, type PersonFormMode } from '../../components/PersonFormModal';
import { LoadError } from '../../components/Results';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

export default function PeoplePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('people.write');
  const units = useUnits(can('org.read'));
  const [unitId, setUnitId] = useState<string>();
  const [q, setQ] = useState('');
  const list = usePaged<Person>('/people', { unitId, q });
  const [mode, setMode] = useState<PersonFormMode | null>(null);

  const toggle = async (p: Person) => {
    try {
      await api.patch<Person>(`/people/${p.id}`, { active: !p.active });
      toast('success', t('common.saved'));
      list.reload();
    } catch (e) {
      notifyError(e);
    }
  };

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <span className={p.active ? undefined : 'ls-inactive'}>
          {name}
          {p.isLeader && <Tag color="gold" style={{ marginLeft: 8 }}>{t('people.leader')}</Tag>}
        </span>
      ),
    },
    { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v || '—' },
    { title: t('people.jobTitle'), dataIndex: 'title', render: (v: string | null) => v || '—' },
    { title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => v || '—' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => (a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setMode({ type: 'edit', person: p })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={p.active ? t('people.deactivateConfirm', { name: p.name }) : t('people.activateConfirm', { name: p.name })}
            onConfirm={() => void toggle(p)}
          >
            <Button type="link" size="small" danger={p.active}>
              {p.active ? t('common.deactivate') : t('common.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <h2 className="ls-page-title">{t('people.title')}</h2>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
          {can('org.read') && (
            <UnitTreeSelect
              units={units.data ?? []}
              loading={units.loading}
              includeInactive
              value={unitId}
              onChange={(v) => setUnitId(v as string | undefined)}
              placeholder={t('people.unitFilter')}
              style={{ width: 280 }}
            />
          )}
          <Input.Search allowClear placeholder={t('people.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
          <div style={{ flex: 1 }} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ type: 'create', unitId })}>
              {t('people.add')}
            </Button>
          )}
        </div>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Person>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            locale={{ emptyText: t('people.empty') }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: list.data?.total ?? 0,
              onChange: list.onPageChange,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
      <PersonFormModal
        mode={mode}
        units={units.data ?? []}
        onClose={() => setMode(null)}
        onSaved={() => {
          setMode(null);
          list.reload();
        }}
      />
    </>
  );
}
