import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useRequest } from '../api/hooks';
import type { Account, Paged, Person, Unit } from '../api/types';
import { reportFormError, toast } from './feedback';
import { UnitTreeSelect } from './UnitTreeSelect';

export type AccountFormMode = { type: 'create' } | { type: 'edit'; account: Account };

interface Values {
  username?: string;
  displayName: string;
  unitId?: string | null;
  personId?: string | null;
}

const FIELDS = ['username', 'displayName', 'unitId', 'personId'];

interface Props {
  mode: AccountFormMode | null;
  units: Unit[];
  canPickPerson: boolean;
  onClose: () => void;
  /** `initialPassword` only for a new account. */
  onSaved: (a: Account, initialPassword?: string) => void;
}

export function AccountFormModal({ mode, units, canPickPerson, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const unitId = Form.useWatch('unitId', form);
  const people = useRequest(
    () => api.get<Paged<Person>>('/people', { unitId: unitId ?? undefined, page: 1, pageSize: 100 }).then((r) => r.items),
    `people|${unitId}`,
    !!mode && canPickPerson && !!unitId,
  );

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.type === 'edit') {
      const a = mode.account;
      form.setFieldsValue({ displayName: a.displayName, unitId: a.unitId, personId: a.personId });
    }
  }, [mode, form]);

  const submit = async () => {
    if (!mode) return;
    const v = await form.validateFields();
    const common = { displayName: v.displayName.trim(), unitId: v.unitId ?? null, personId: v.personId ?? null };
    setBusy(true);
    try {
      if (mode.type === 'edit') {
        const saved = await api.patch<Account>(`/accounts/${mode.account.id}`, common);
        toast('success', t('accounts.updated'));
        onSaved(saved);
      } else {
        const r = await api.post<{ account: Account; initialPassword: string }>('/accounts', { username: v.username!.trim(), ...common });
        toast('success', t('accounts.created'));
        onSaved(r.account, r.initialPassword);
      }
    } catch (e) {
      reportFormError(form, e, FIELDS, mode.type === 'create' ? 'username' : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!mode}
      title={mode?.type === 'edit' ? t('accounts.editTitle') : t('accounts.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      forceRender
      okText={t('common.save')}
    >
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        {mode?.type !== 'edit' && (
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('accounts.usernameHelp')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('accounts.username') }) },
              { max: 64, message: t('common.tooLong', { field: t('accounts.username'), max: 64 }) },
            ]}
          >
            <Input autoComplete="off" data-testid="account-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('accounts.displayName') }) },
            { max: 50, message: t('common.tooLong', { field: t('accounts.displayName'), max: 50 }) },
          ]}
        >
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('accounts.unit')}>
          <UnitTreeSelect units={units} onChange={(v) => form.setFieldsValue({ unitId: (v as string) ?? null, personId: null })} />
        </Form.Item>
        {canPickPerson && (
          <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHelp')}>
            <Select
              allowClear
              disabled={!unitId}
              loading={people.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
              onChange={(id: string | undefined) => {
                const p = people.data?.find((x) => x.id === id);
                if (p && !form.getFieldValue('displayName')) form.setFieldsValue({ displayName: p.name });
              }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
