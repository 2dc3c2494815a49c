import { Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Unit } from '../api/types';
import { notifyError, toast } from './feedback';
import { UnitPeople } from './UnitPeople';
import { useLabels } from './useLabels';

interface Props {
  unit: Unit;
  parent: Unit | undefined;
  canWrite: boolean;
  canReadPeople: boolean;
  onAddChild: () => void;
  onEdit: () => void;
  onSaved: (u: Unit) => void;
}

export function UnitDetail({ unit, parent, canWrite, canReadPeople, onAddChild, onEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    setBusy(true);
    try {
      const saved = await api.patch<Unit>(`/units/${unit.id}`, { active: !unit.active });
      toast('success', saved.active ? t('units.activated') : t('units.deactivated'));
      onSaved(saved);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const actions = canWrite ? (
    <Space>
      {unit.active && (
        <Button icon={<PlusOutlined />} onClick={onAddChild} data-testid="unit-add-child">
          {t('units.addChild')}
        </Button>
      )}
      <Button icon={<EditOutlined />} onClick={onEdit} data-testid="unit-edit">
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={unit.active ? t('units.deactivateConfirm', { name: unit.name }) : t('units.activateConfirm', { name: unit.name })}
        onConfirm={() => void toggle()}
        okButtonProps={{ danger: unit.active }}
        styles={{ root: { maxWidth: 360 } }}
      >
        <Button danger={unit.active} loading={busy} icon={unit.active ? <StopOutlined /> : <CheckCircleOutlined />}>
          {unit.active ? t('common.deactivate') : t('common.activate')}
        </Button>
      </Popconfirm>
    </Space>
  ) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{unit.name}</span>
            <Tag color={labels.kindColor(unit.kind)}>{labels.kind(unit.kind)}</Tag>
            {!unit.active && <Tag>{t('common.inactive')}</Tag>}
          </Space>
        }
        extra={actions}
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          bordered
          styles={{ label: { width: 110 } }}
          items={[
            { key: 'code', label: t('units.code'), children: unit.code },
            { key: 'kind', label: t('units.kind'), children: labels.kind(unit.kind) },
            { key: 'name', label: t('units.name'), children: unit.name },
            { key: 'short', label: t('units.shortName'), children: unit.shortName || '—' },
            { key: 'parent', label: t('units.parent'), children: parent?.name ?? t('units.topLevel') },
            { key: 'sort', label: t('units.sortOrder'), children: unit.sortOrder },
            {
              key: 'status',
              label: t('common.status'),
              children: unit.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
          ]}
        />
      </Card>
      {canReadPeople && (
        <Card title={t('units.people')} styles={{ body: { paddingTop: 8 } }}>
          <UnitPeople unitId={unit.id} />
        </Card>
      )}
    </Space>
  );
}
