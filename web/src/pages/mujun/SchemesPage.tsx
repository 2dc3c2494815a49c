import { Alert, Button, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { MujunSchemeDetail, MujunSchemeSummary } from '../../api/mujunAdminTypes';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../../components/format';
import { LoadError } from '../../components/Results';
import { SchemeEditor } from '../../components/mujun/admin/SchemeEditor';
import { SchemeView } from '../../components/mujun/admin/SchemeView';
import { useMujunMeta } from '../../components/mujun/admin/labels';
import { blankScheme } from '../../components/mujun/admin/schemeModel';

function VersionList({
  versions,
  onView,
  onEdit,
}: {
  versions: MujunSchemeSummary[];
  onView: (id: string) => void;
  onEdit: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const latest = new Map<string, string>();
  for (const v of versions) {
    const cur = versions.find((x) => x.id === latest.get(v.code));
    if (!cur || v.version > cur.version) latest.set(v.code, v.id);
  }
  return (
    <Table<MujunSchemeSummary>
      size="middle"
      rowKey="id"
      dataSource={versions}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('mujunAdmin.schemes.empty') }}
      data-testid="mujun-scheme-versions"
      onRow={(r) => ({ onDoubleClick: () => onView(r.id) })}
      columns={[
        {
          title: t('mujunAdmin.schemes.code'),
          dataIndex: 'code',
          width: 150,
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          filters: [...new Set(versions.map((v) => v.code))].map((c) => ({ text: c, value: c })),
          onFilter: (v, r) => r.code === v,
        },
        {
          title: t('mujunAdmin.schemes.version'),
          dataIndex: 'version',
          width: 110,
          render: (v: number, r) => (
            <Space size={4}>
              <span>v{v}</span>
              {latest.get(r.code) === r.id && <Tag color="green">{t('mujunAdmin.schemes.latest')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('mujunAdmin.schemes.name'),
          dataIndex: 'name',
          render: (v: string, r) => <Typography.Link onClick={() => onView(r.id)}>{v}</Typography.Link>,
        },
        { title: t('mujunAdmin.schemes.year'), dataIndex: 'year', width: 80 },
        { title: t('mujunAdmin.schemes.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v || '—' },
        { title: t('mujunAdmin.schemes.by'), dataIndex: 'createdByName', width: 130 },
        { title: t('mujunAdmin.schemes.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 170,
          render: (_, r) => (
            <Space size={0}>
              <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => onView(r.id)}>
                {t('mujunAdmin.schemes.view')}
              </Button>
              {can('mujun.manage') && (
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(r.id)}
                  data-testid={`mujun-scheme-edit-${r.code}-${r.version}`}
                >
                  {t('mujunAdmin.schemes.edit')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 评价方案: every version (never changed), one version read only, or the editor that saves the next version. */
export default function SchemesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const editing = params.get('edit') === '1';
  const creating = params.get('new') === '1';
  const meta = useMujunMeta();
  const versions = useRequest(() => api.get<MujunSchemeSummary[]>('/mujun/schemes'), 'mujun-schemes');
  const detail = useRequest(
    () => api.get<MujunSchemeDetail>(`/mujun/schemes/${encodeURIComponent(id!)}`),
    `mujun-scheme|${id}`,
    !!id,
  );

  const go = (next: Record<string, string>) => {
    setParams(next);
    window.scrollTo({ top: 0 });
  };
  const toList = () => go({});

  if (creating && can('mujun.manage')) {
    return (
      <SchemeEditor
        key="new"
        initial={blankScheme(dayjs().year() - 1)}
        basedOn={null}
        meta={meta.data}
        versions={versions.data ?? []}
        onSaved={(s) => {
          versions.reload();
          go({ id: s.id });
        }}
        onCancel={toList}
      />
    );
  }

  if (id) {
    if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
    if (!detail.data || detail.data.id !== id) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
    const d = detail.data;
    if (editing && can('mujun.manage')) {
      return (
        <SchemeEditor
          key={`edit-${d.id}`}
          initial={d.body}
          basedOn={d}
          meta={meta.data}
          versions={versions.data ?? []}
          onSaved={(s) => {
            versions.reload();
            go({ id: s.id });
          }}
          onCancel={() => go({ id: d.id })}
        />
      );
    }
    return (
      <>
        <div className="ls-page-head">
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={toList} data-testid="mujun-scheme-back">
              {t('mujunAdmin.schemes.back')}
            </Button>
            <h2 className="ls-page-title">{d.name}</h2>
            <Tag>{t('mujunAdmin.schemes.viewing', { code: d.code, version: d.version })}</Tag>
          </Space>
          {can('mujun.manage') && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => go({ id: d.id, edit: '1' })}
              data-testid="mujun-scheme-edit"
            >
              {t('mujunAdmin.schemes.editAsNew')}
            </Button>
          )}
        </div>
        <SchemeView scheme={d} />
      </>
    );
  }

  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('mujunAdmin.schemes.title')}</h2>
        {can('mujun.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => go({ new: '1' })} data-testid="mujun-scheme-new">
            {t('mujunAdmin.schemes.newScheme')}
          </Button>
        )}
      </div>
      <Alert type="info" showIcon title={t('mujunAdmin.schemes.intro')} style={{ marginBottom: 16 }} />
      <Card styles={{ body: { padding: 0 } }}>
        {versions.error ? (
          <LoadError error={versions.error} onRetry={versions.reload} />
        ) : (
          <Spin spinning={versions.loading}>
            <VersionList versions={versions.data ?? []} onView={(v) => go({ id: v })} onEdit={(v) => go({ id: v, edit: '1' })} />
          </Spin>
        )}
      </Card>
    </>
  );
}
