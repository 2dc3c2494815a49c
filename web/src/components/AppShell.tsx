import { Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  RobotOutlined,
  TrophyOutlined,
  AuditOutlined,
  SettingOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FieldNumberOutlined,
  FundOutlined,
  FunnelPlotOutlined,
  ProjectOutlined,
  RocketOutlined,
  SwapOutlined,
  ExceptionOutlined,
  DatabaseOutlined,
  ProfileOutlined,
  ControlOutlined,
  FundProjectionScreenOutlined,
  ImportOutlined,
  ScheduleOutlined,
  KeyOutlined,
  BookOutlined,
  TagsOutlined,
  ThunderboltOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  RiseOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { isEnterpriseOnly } from '../auth/enterpriseOnly';
import type { Me, Permission } from '../api/types';
import { BrandMark, useBrandText } from './Brand';
import { LangSwitch } from './LangSwitch';
import { NotificationBell } from './NotificationBell';
import { useLabels } from './useLabels';

const { Header, Sider, Content } = Layout;

type Item = { key: string; perm?: Permission; icon: React.ReactNode; label: string };

/** The leader view's menu key: a leader's own view, or the picker for 督查室; null when neither. */
function leaderViewKey(me: Me | null): string | null {
  if (!me || !me.permissions.includes('tasks.read')) return null;
  if (me.roles.includes('supervisor')) return '/leaders/overview';
  if (me.roles.includes('leader') && me.personId) return `/leaders/${me.personId}/overview`;
  return null;
}

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const allowed = (list: Item[]) =>
    list.filter((i) => !i.perm || can(i.perm)).map(({ key, icon, label }) => ({ key, icon, label }));
  const org = allowed([
    { key: '/org/units', perm: 'org.read', icon: <ApartmentOutlined />, label: t('menu.units') },
    { key: '/org/people', perm: 'people.read', icon: <TeamOutlined />, label: t('menu.people') },
    { key: '/org/leaders', perm: 'org.read', icon: <SolutionOutlined />, label: t('menu.leaders') },
    { key: '/org/import', perm: 'org.write', icon: <CloudUploadOutlined />, label: t('menu.import') },
  ]);
  const system = allowed([
    { key: '/admin/accounts', perm: 'accounts.read', icon: <UserSwitchOutlined />, label: t('menu.accounts') },
    { key: '/audit', perm: 'audit.read', icon: <AuditOutlined />, label: t('menu.audit') },
  ]);
  const home = { key: '/', icon: <DashboardOutlined />, label: t('menu.home') };
  const leaderKey = leaderViewKey(me);
  const tasks = can('tasks.read')
    ? [
        home,
        ...allowed([
          { key: '/dashboard', perm: 'tasks.read', icon: <BarChartOutlined />, label: t('menu.dashboard') },
          { key: '/tasks', perm: 'tasks.read', icon: <FileSearchOutlined />, label: t('menu.ledger') },
          { key: '/tasks/new', perm: 'tasks.manage', icon: <FileAddOutlined />, label: t('menu.newTask') },
          { key: '/tasks/import', perm: 'tasks.manage', icon: <ImportOutlined />, label: t('menu.importTasks') },
          { key: '/meetings/new', perm: 'tasks.manage', icon: <ThunderboltOutlined />, label: t('menu.newMeeting') },
          { key: '/meetings', perm: 'tasks.read', icon: <BookOutlined />, label: t('menu.meetings') },
          { key: '/meetings/hints', perm: 'tasks.manage', icon: <TagsOutlined />, label: t('menu.meetingHints') },
        ]),
        ...(leaderKey ? [{ key: leaderKey, icon: <FundProjectionScreenOutlined />, label: t('menu.leaderView') }] : []),
        ...allowed([
          { key: '/scores', perm: 'tasks.read', icon: <TrophyOutlined />, label: t('menu.scores') },
          { key: '/warnings/settings', perm: 'tasks.manage', icon: <AlertOutlined />, label: t('menu.warnings') },
        ]),
        // 群机器人: 督查室 for every unit, a unit head for their own
        ...(can('tasks.manage') || me?.roles.includes('unit_head')
          ? [{ key: '/webhooks', icon: <RobotOutlined />, label: t('menu.webhooks') }]
          : []),
      ]
    : [];
  // An enterprise contact has its 体检报告 and its appeals, nothing else: two items, no 工作台 (the home page only
  // sends it on to the report) and no group around them.
  if (isEnterpriseOnly(me)) {
    return allowed([
      { key: '/mujun', perm: 'mujun.read', icon: <FieldNumberOutlined />, label: t('mujun.menu.myReport') },
      { key: '/mujun/appeals', perm: 'mujun.read', icon: <ExceptionOutlined />, label: t('mujun.menu.appeals') },
    ]);
  }
  // with tracking, 工作台 sits at the head of the 督查督办 group; otherwise it stands alone
  const items: MenuProps['items'] = tasks.length
    ? [{ key: 'tasks', icon: <ScheduleOutlined />, label: t('menu.tasks'), children: tasks }]
    : [home];
  // 亩均评价: results for everyone with mujun.read, the evaluator's pages too
  const mujun = allowed([
    { key: '/mujun', perm: 'mujun.read', icon: <FieldNumberOutlined />, label: t('mujun.menu.results') },
    { key: '/mujun/compare', perm: 'mujun.read', icon: <SwapOutlined />, label: t('mujun.menu.compare') },
    { key: '/mujun/appeals', perm: 'mujun.read', icon: <ExceptionOutlined />, label: t('mujun.menu.appeals') },
    { key: '/cultivation', perm: 'mujun.read', icon: <RiseOutlined />, label: t('cultivation.menu') },
    { key: '/mujun/data', perm: 'mujun.manage', icon: <DatabaseOutlined />, label: t('mujunAdmin.menu.data') },
    { key: '/mujun/schemes', perm: 'mujun.manage', icon: <ProfileOutlined />, label: t('mujunAdmin.menu.schemes') },
    { key: '/mujun/policies', perm: 'mujun.manage', icon: <ControlOutlined />, label: t('mujunAdmin.menu.policies') },
  ]);
  // 重大项目: everyone with projects.read (the server keeps each to their scope)
  const projects = allowed([
    { key: '/projects', perm: 'projects.read', icon: <ProjectOutlined />, label: t('project.menu.ledger') },
    { key: '/projects/pipeline', perm: 'projects.read', icon: <FunnelPlotOutlined />, label: t('project.menu.pipeline') },
    { key: '/projects/settings', perm: 'projects.manage', icon: <SettingOutlined />, label: t('project.menu.settings') },
  ]);
  if (projects.length) items.push({ key: 'projects', icon: <RocketOutlined />, label: t('project.menu.group'), children: projects });
  if (mujun.length) items.push({ key: 'mujun', icon: <FundOutlined />, label: t('mujun.menu.group'), children: mujun });
  if (org.length) items.push({ key: 'org', icon: <ClusterOutlined />, label: t('menu.org'), children: org });
  if (system.length)
    items.push({ key: 'system', icon: <SafetyCertificateOutlined />, label: t('menu.system'), children: system });
  return items;
}

function UserMenu() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  if (!me) return null;
  const roleText = me.roles.map((r) => labels.role(r)).join('、');
  const items: MenuProps['items'] = [
    ...(me.mustChangePassword
      ? []
      : [{ key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('user.changePassword')}</span> }]),
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('user.logout')}</span> },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items, onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/password')) }}
    >
      <Button type="text" className="ls-header-btn" data-testid="user-menu" style={{ height: 44 }}>
        <Space size={8}>
          <Avatar size={28} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.22)' }} />
          <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.25, textAlign: 'left' }}>
            <span style={{ fontWeight: 600 }}>{me.displayName}</span>
            {roleText && <span style={{ fontSize: 12, opacity: 0.8 }}>{roleText}</span>}
          </span>
        </Space>
      </Button>
    </Dropdown>
  );
}

function ShellHeader() {
  const { district, product } = useBrandText();
  const { me, can } = useAuth();
  return (
    <Header
      style={{ display: 'flex', alignItems: 'center', gap: 12, background: 'linear-gradient(90deg, #8e1212 0%, #b71c1c 100%)' }}
    >
      <BrandMark size={34} inverted />
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, minWidth: 0, flex: 1, overflow: 'hidden' }}>
        {district && (
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 700, letterSpacing: 1, whiteSpace: 'nowrap' }}>
            {district}
          </Typography.Text>
        )}
        <Typography.Text style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15, whiteSpace: 'nowrap' }} ellipsis>
          {product}
        </Typography.Text>
      </div>
      <LangSwitch onDark />
      {me && !me.mustChangePassword && can('tasks.read') && <NotificationBell />}
      <UserMenu />
    </Header>
  );
}

export default function AppShell() {
  const { me } = useAuth();
  const items = useMenuItems();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);

  // While the password must change, nothing but the password form is reachable.
  if (me?.mustChangePassword) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <ShellHeader />
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    );
  }

  const path = location.pathname;
  const sections = [
    '/org/units',
    '/org/people',
    '/org/leaders',
    '/org/import',
    '/admin/accounts',
    '/audit',
    '/tasks/new',
    '/tasks/import',
    '/tasks',
    '/warnings/settings',
    '/meetings/new',
    '/meetings/hints',
    '/meetings',
    '/dashboard',
    '/scores',
    '/webhooks',
    '/projects/pipeline',
    '/projects/settings',
    '/projects',
    '/mujun/compare',
    '/mujun/appeals',
    '/mujun/data',
    '/mujun/schemes',
    '/mujun/policies',
    '/cultivation',
    /* '/mujun' last: the prefix of the others */ '/mujun',
  ];
  const selected =
    path === '/'
      ? '/'
      : path.startsWith('/leaders/')
        ? (leaderViewKey(me) ?? path)
        : path.endsWith('/edit')
          ? '/tasks'
          : (sections.find((k) => path === k || path.startsWith(`${k}/`)) ?? path);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ShellHeader />
      <Layout>
        <Sider
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Menu
            data-testid="app-menu"
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['tasks', 'projects', 'mujun', 'org', 'system']}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Sider>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
