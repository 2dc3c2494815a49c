import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import type { Permission } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { isEnterpriseOnly } from '../auth/enterpriseOnly';
import { useLabels } from '../components/useLabels';
import { Workbench } from '../components/tasks/Workbench';

const PERM_ROUTES: [Permission, string][] = [
  ['org.read', '/org/units'],
  ['org.write', '/org/import'],
  ['people.read', '/org/people'],
  ['people.write', '/org/people'],
  ['accounts.read', '/admin/accounts'],
  ['accounts.manage', '/admin/accounts'],
  ['roles.assign', '/admin/accounts'],
  ['audit.read', '/audit'],
  ['tasks.read', '/tasks'],
  ['tasks.manage', '/tasks/new'],
];

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const labels = useLabels();
  if (!me) return null;
  const abilities = PERM_ROUTES.filter(([p]) => me.permissions.includes(p));
  const tracking = me.permissions.includes('tasks.read');
  // an enterprise contact has nothing but its 亩均 report: straight there
  if (isEnterpriseOnly(me) && me.permissions.includes('mujun.read')) return <Navigate to="/mujun" replace />;

  const welcome = (
    <>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 96 } }}
          items={[
            { key: 'account', label: t('home.account'), children: me.username },
            {
              key: 'unit',
              label: t('home.unit'),
              children: me.unitName ?? <Typography.Text type="secondary">{t('home.noUnit')}</Typography.Text>,
            },
            {
              key: 'roles',
              label: t('home.roles'),
              children: me.roles.length ? (
                me.roles.map((r) => (
                  <Tag key={r} color={labels.roleColor(r)}>
                    {labels.role(r)}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('home.canDo')} style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}>
        {abilities.length ? (
          abilities.map(([perm, to], i) => (
            <div
              key={perm}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                padding: '12px 0',
                borderTop: i ? '1px solid #f0f0f0' : undefined,
              }}
            >
              <span>{t(`perm.${perm.replace('.', '_')}`)}</span>
              <Link to={to}>
                {t('home.go')} <RightOutlined />
              </Link>
            </div>
          ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothing')} />
        )}
      </Card>
    </>
  );

  // With tracking, the workbench leads the page; without it the placeholder stays until other modules arrive.
  if (tracking) {
    return (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Workbench />
        </Col>
        <Col xs={24} xl={9}>
          {welcome}
        </Col>
      </Row>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        {welcome}
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('home.todoTitle')}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todoEmpty')} />
        </Card>
      </Col>
    </Row>
  );
}
