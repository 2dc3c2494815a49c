import { App, Button, Card, Dropdown, Input, Space, Table, Tag, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { usePaged, useUnits } from '../../api/hooks';
import type { Account } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccountFormModal, type AccountFormMode } from '../../components/AccountFormModal';
import { notifyError, toast } from '../../components/feedback';
import { formatTime, isFuture } from '../../components/format';
import { OneTimePasswordModal, type OneTimePassword } from '../../components/OneTimePasswordModal';
import { LoadError } from '../../components/Results';
import { RolesModal } from '../../components/RolesModal';
import { useLabels } from '../../components/useLabels';

function StatusTags({ a }: { a: Account }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {a.active ? <Tag color="success">{t('accounts.stActive')}</Tag> : <Tag>{t('accounts.stInactive')}</Tag>}
      {isFuture(a.lockedUntil) && (
        <Tag color="error" title={t('accounts.lockedUntil', { time: formatTime(a.lockedUntil) })}>
          {t('accounts.stLocked')} · {formatTime(a.lockedUntil).slice(11)}
        </Tag>
      )}
      {a.mustChangePassword && <Tag color="warning">{t('accounts.stMustChange')}</Tag>}
    </Space>
  );
}

export default function AccountsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { can, me } = useAuth();
  const labels = useLabels();
  const canManage = can('accounts.manage');
  const canAssign = can('roles.assign');
  const [q, setQ] = useState('');
  const list = usePaged<Account>('/accounts', { q });
  const units = useUnits(canManage && can('org.read'));
  const [form, setForm] = useState<AccountFormMode | null>(null);
  const [roles, setRoles] = useState<Account | null>(null);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      toast('success', done);
      list.reload();
    } catch (e) {
      notifyError(e);
    }
  };

  const moreItems = (a: Account): MenuProps['items'] => {
    const items: MenuProps['items'] = [];
    if (canAssign && isFuture(a.lockedUntil)) items.push({ key: 'unlock', label: t('accounts.unlock') });
    if (canAssign) items.push({ key: 'reset', label: t('accounts.resetPassword') });
    if (canManage && a.id !== me?.id) {
      items.push({ key: 'toggle', label: a.active ? t('common.deactivate') : t('common.activate'), danger: a.active });
    }
    return items;
  };

  const onMore = (a: Account, key: string) => {
    if (key === 'unlock') void act(() => api.post(`/accounts/${a.id}/unlock`), t('accounts.unlocked'));
    if (key === 'reset') {
      modal.confirm({
        title: t('accounts.resetPassword'),
        content: t('accounts.resetConfirm', { name: `${a.displayName}（${a.username}）` }),
        okButtonProps: { danger: true },
        onOk: async () => {
          try {
            const r = await api.post<{ initialPassword: string }>(`/accounts/${a.id}/reset-password`);
            setSecret({ title: t('accounts.resetTitle'), username: a.username, password: r.initialPassword });
            list.reload();
          } catch (e) {
            notifyError(e);
          }
        },
      });
    }
    if (key === 'toggle') {
      modal.confirm({
        title: a.active ? t('common.deactivate') : t('common.activate'),
        content: a.active ? t('accounts.deactivateConfirm', { name: a.username }) : t('accounts.activateConfirm', { name: a.username }),
        okButtonProps: { danger: a.active },
        onOk: () => act(() => api.patch(`/accounts/${a.id}`, { active: !a.active }), a.active ? t('accounts.deactivated') : t('accounts.activated')),
      });
    }
  };

  const columns: TableColumnsType<Account> = [
    { title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
    { title: t('accounts.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.unit'), dataIndex: 'unitName', render: (v: string | null) => v || '—' },
    {
      title: t('accounts.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) =>
        rs.length ? rs.map((r) => <Tag key={r} color={labels.roleColor(r)}>{labels.role(r)}</Tag>) : <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>,
    },
    { title: t('accounts.status'), key: 'status', render: (_, a) => <StatusTags a={a} /> },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? formatTime(v) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>),
    },
  ];
  if (canManage || canAssign) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) => {
        const more = moreItems(a);
        return (
          <Space size={0}>
            {canManage && (
              <Button type="link" size="small" onClick={() => setForm({ type: 'edit', account: a })}>
                {t('common.edit')}
              </Button>
            )}
            {canAssign && (
              <Button type="link" size="small" onClick={() => setRoles(a)} data-testid={`roles-${a.username}`}>
                {t('accounts.editRoles')}
              </Button>
            )}
            {!!more?.length && (
              <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => onMore(a, key) }}>
                <Button type="link" size="small" data-testid={`more-${a.username}`}>
                  {t('common.more')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <>
      <h2 className="ls-page-title">{t('accounts.title')}</h2>
      <Card>
        <div style={{ display: 'flex', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
          <Input.Search allowClear placeholder={t('accounts.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 280 }} />
          <div style={{ flex: 1 }} />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ type: 'create' })} data-testid="account-create">
              {t('accounts.create')}
            </Button>
          )}
        </div>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Account>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            locale={{ emptyText: t('accounts.empty') }}
            scroll={{ x: 1000 }}
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
      {canManage && (
        <AccountFormModal
          mode={form}
          units={units.data ?? []}
          canPickPerson={can('people.read')}
          onClose={() => setForm(null)}
          onSaved={(a, initialPassword) => {
            setForm(null);
            list.reload();
            if (initialPassword) {
              const note = canAssign ? undefined : t('accounts.rolesBySecadmin');
              setSecret({ title: t('accounts.initialTitle'), username: a.username, password: initialPassword, note });
            }
          }}
        />
      )}
      <RolesModal
        key={roles?.id ?? 'closed'}
        account={roles}
        onClose={() => setRoles(null)}
        onSaved={() => {
          setRoles(null);
          list.reload();
        }}
      />
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
    </>
  );
}
