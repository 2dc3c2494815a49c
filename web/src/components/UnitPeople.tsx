import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePaged } from '../api/hooks';
import type { Person } from '../api/types';
import { LoadError } from './Results';

/** Server-paged list of the people of one unit. */
export function UnitPeople({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const list = usePaged<Person>('/people', { unitId });
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Table<Person>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('units.noPeople') }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: list.data?.total ?? 0,
        onChange: list.onPageChange,
        showTotal: (total) => t('common.total', { total }),
        hideOnSinglePage: true,
        size: 'small',
      }}
      columns={[
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
        { title: t('people.jobTitle'), dataIndex: 'title', render: (v: string | null) => v || '—' },
        { title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => v || '—' },
        {
          title: t('common.status'),
          dataIndex: 'active',
          width: 90,
          render: (a: boolean) => (a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
        },
      ]}
    />
  );
}
