import { Alert, Checkbox, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Account, RoleId } from '../api/types';
import { errorText, toast } from './feedback';
import { useLabels } from './useLabels';

const EXCLUSIVE = ['sysadmin', 'secadmin', 'auditor'];

/** Checkbox list of roles; the server decides what may be combined and we show its answer. Mount with a key per account. */
export function RolesModal({ account, onClose, onSaved }: { account: Account | null; onClose: () => void; onSaved: (a: Account) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [value, setValue] = useState<string[]>(account?.roles ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<Account>(`/accounts/${account.id}/roles`, { roles: value as RoleId[] });
      toast('success', t('accounts.rolesSaved'));
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!account}
      title={account ? t('accounts.rolesTitle', { name: `${account.displayName}（${account.username}）` }) : ''}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      okText={t('common.save')}
      width={560}
    >
      <Alert type="info" showIcon title={t('accounts.rolesNote')} style={{ margin: '12px 0 16px' }} />
      <Checkbox.Group value={value} onChange={(v) => setValue(v as string[])} style={{ width: '100%' }} data-testid="roles-group">
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          {labels.roles.map((r) => (
            <Checkbox key={r.id} value={r.id}>
              <Tag color={labels.roleColor(r.id)} style={{ marginInlineEnd: 6 }}>
                {r.label}
              </Tag>
              {EXCLUSIVE.includes(r.id) && <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('accounts.exclusive')}</span>}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="roles-error" />}
    </Modal>
  );
}
