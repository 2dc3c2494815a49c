import { Alert, Badge, Button, Card, Col, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { POLICY_CATEGORIES, type MujunPolicy } from '../../api/mujunAdminTypes';
import type { PolicyCategory } from '../../api/mujunTypes';
import { errorText, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';
import { RowActions } from '../../components/mujun/admin/editorContext';
import { DEFAULT_CLASSES, useMujunLabels, useMujunMeta } from '../../components/mujun/admin/labels';
import { move } from '../../components/mujun/admin/schemeModel';
import { classHex } from '../../components/mujun/results/classes';

type Row = { key: number; category: PolicyCategory; measure: string; department: string };
type Draft = Record<string, Row[]>;
let seq = 0;

const CATEGORY_COLORS: Record<PolicyCategory, string> = {
  electricity: 'gold',
  water: 'cyan',
  land: 'green',
  credit: 'blue',
  award: 'magenta',
  other: 'default',
};

function toDraft(items: Omit<MujunPolicy, 'id'>[], classes: string[]): Draft {
  const d: Draft = Object.fromEntries(classes.map((c) => [c, [] as Row[]]));
  for (const p of [...items].sort((a, b) => a.sortOrder - b.sortOrder)) {
    (d[p.class] ??= []).push({ key: ++seq, category: p.category, measure: p.measure, department: p.department ?? '' });
  }
  return d;
}

function toItems(d: Draft): Omit<MujunPolicy, 'id'>[] {
  return Object.entries(d).flatMap(([cls, rows]) =>
    rows.map((r, i) => ({
      class: cls,
      category: r.category,
      measure: r.measure.trim(),
      department: r.department.trim() || null,
      sortOrder: i + 1,
    })),
  );
}

function ClassCard({ cls, title, rows, onChange }: { cls: string; title: string; rows: Row[]; onChange: (rows: Row[]) => void }) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<Row>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Card
      size="small"
      data-testid={`mujun-policy-class-${cls}`}
      title={
        <Space>
          <Badge color={classHex(cls)} />
          <span>{title}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('mujunAdmin.policies.count', { count: rows.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...rows, { key: ++seq, category: 'other', measure: '', department: '' }])}
          data-testid={`mujun-policy-add-${cls}`}
        >
          {t('mujunAdmin.policies.add')}
        </Button>
      }
    >
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('mujunAdmin.policies.emptyClass') }}
        columns={[
          { title: '#', key: 'n', width: 36, render: (_, _r, i) => i + 1 },
          {
            title: t('mujunAdmin.policies.category'),
            dataIndex: 'category',
            width: 110,
            render: (v: PolicyCategory, r) => (
              <Select
                size="small"
                value={v}
                style={{ width: '100%' }}
                options={POLICY_CATEGORIES.map((c) => ({
                  value: c,
                  label: <Tag color={CATEGORY_COLORS[c]}>{t(`mujunAdmin.policyCategory.${c}`)}</Tag>,
                }))}
                onChange={(c) => set(r.key, { category: c })}
                data-testid="mujun-policy-category"
              />
            ),
          },
          {
            title: t('mujunAdmin.policies.measure'),
            dataIndex: 'measure',
            render: (v: string, r) => (
              <Input.TextArea
                size="small"
                value={v}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                status={v.trim() ? undefined : 'warning'}
                onChange={(e) => set(r.key, { measure: e.target.value })}
                data-testid="mujun-policy-measure"
              />
            ),
          },
          {
            title: t('mujunAdmin.policies.department'),
            dataIndex: 'department',
            width: 150,
            render: (v: string, r) => (
              <Input
                size="small"
                value={v}
                maxLength={100}
                onChange={(e) => set(r.key, { department: e.target.value })}
                data-testid="mujun-policy-department"
              />
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 92,
            render: (_, r, i) => (
              <RowActions
                k={i}
                n={rows.length}
                onMove={(to) => onChange(move(rows, i, to))}
                onRemove={() => onChange(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 差别化政策: the measures each class gets, edited per class and saved all at once (PUT replaces every row). */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const meta = useMujunMeta();
  const labels = useMujunLabels(meta.data);
  const policies = useRequest(() => api.get<MujunPolicy[]>('/mujun/policies'), 'mujun-policies');
  const classes = useMemo(() => {
    const base = meta.data?.classes?.length ? meta.data.classes : DEFAULT_CLASSES;
    const extra = (policies.data ?? []).map((p) => p.class).filter((c) => !base.includes(c));
    return [...base, ...new Set(extra)];
  }, [meta.data, policies.data]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!policies.data || !meta.data) return;
    const d = toDraft(policies.data, classes);
    setDraft(d);
    setSaved(JSON.stringify(toItems(d)));
  }, [policies.data, meta.data, classes]);

  const dirty = draft !== null && JSON.stringify(toItems(draft)) !== saved;

  const save = async () => {
    if (!draft) return;
    for (const [cls, rows] of Object.entries(draft)) {
      const k = rows.findIndex((r) => !r.measure.trim());
      if (k >= 0) {
        setError(t('mujunAdmin.policies.measureRequired', { cls: labels.cls(cls), n: k + 1 }));
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.put<MujunPolicy[] | { items: MujunPolicy[] } | undefined>('/mujun/policies', { items: toItems(draft) });
      const items = Array.isArray(r) ? r : (r?.items ?? toItems(draft));
      const d = toDraft(items, classes);
      setDraft(d);
      setSaved(JSON.stringify(toItems(d)));
      toast('success', t('mujunAdmin.policies.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (policies.error) return <LoadError error={policies.error} onRetry={policies.reload} />;
  if (meta.error) return <LoadError error={meta.error} onRetry={meta.reload} />;
  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('mujunAdmin.policies.title')}</h2>
        <Space wrap>
          {dirty && <Tag color="orange">{t('mujunAdmin.policies.unsaved')}</Tag>}
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty}
            onClick={() => setDraft(toDraft(JSON.parse(saved) as MujunPolicy[], classes))}
          >
            {t('mujunAdmin.policies.reset')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy}
            disabled={!draft}
            onClick={() => void save()}
            data-testid="mujun-policies-save"
          >
            {t('mujunAdmin.policies.save')}
          </Button>
        </Space>
      </div>
      <Alert type="info" showIcon title={t('mujunAdmin.policies.intro')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="mujun-policies-error" />}
      {!draft ? (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <Row gutter={[16, 16]}>
          {classes.map((c) => (
            <Col key={c} xs={24} xxl={12}>
              <ClassCard
                cls={c}
                title={labels.cls(c)}
                rows={draft[c] ?? []}
                onChange={(rows) => setDraft((d) => ({ ...d!, [c]: rows }))}
              />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
