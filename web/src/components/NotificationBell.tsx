import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { LIGHTS, type Light } from '../api/taskTypes';
import type { AppNotification, NotificationList } from '../api/warningTypes';
import { notifyError } from './feedback';
import { formatTime } from './format';
import { LightDot } from './tasks/LightTag';

const POLL_MS = 60_000;
const SHOWN = 10;

/** light.red → red; other kinds have no light. */
function lightOf(kind: string): Light | null {
  const l = kind.startsWith('light.') ? kind.slice(6) : '';
  return (LIGHTS as string[]).includes(l) ? (l as Light) : null;
}

function Item({ n, onOpen }: { n: AppNotification; onOpen: (n: AppNotification) => void }) {
  const light = lightOf(n.kind);
  return (
    <button
      type="button"
      className={n.readAt ? 'ls-notif' : 'ls-notif ls-notif-unread'}
      onClick={() => onOpen(n)}
      data-testid="notif-item"
      data-read={n.readAt ? 'true' : 'false'}
    >
      <div className="ls-notif-title">
        {light && <LightDot light={light} />}
        <span>{n.title}</span>
      </div>
      <div className="ls-notif-body">{n.body}</div>
      <div className="ls-notif-time">{formatTime(n.createdAt)}</div>
    </button>
  );
}

/** Header bell: unread count (polled every minute) and the latest notifications; a click marks one read and opens its task. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<AppNotification[] | null>(null);
  const [failed, setFailed] = useState(false);

  // background polling must not bounce the user to the login page: errors are left for the next tick
  const poll = useCallback(() => {
    api
      .get<NotificationList>('/notifications', { unread: true, pageSize: 1 }, { noRedirect: true })
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    poll();
    const timer = window.setInterval(() => {
      if (!document.hidden) poll();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setFailed(false);
    api.get<NotificationList>('/notifications', { page: 1, pageSize: SHOWN }).then(
      (r) => {
        if (!live) return;
        setList(r.items);
        setUnread(r.unread);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open]);

  const openOne = async (n: AppNotification) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await api.post(`/notifications/${n.id}/read`);
        const now = new Date().toISOString();
        setList((l) => l?.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)) ?? null);
        setUnread((u) => Math.max(0, u - 1));
      } catch (e) {
        notifyError(e);
      }
    }
    if (n.taskId) navigate(`/tasks/${n.taskId}`);
  };

  const content = (
    <div className="ls-notif-list" data-testid="notif-list">
      {failed ? (
        <Typography.Text type="secondary" className="ls-notif-empty">
          {t('notif.loadFailed')}
        </Typography.Text>
      ) : !list ? (
        <div className="ls-notif-empty">
          <Spin />
        </div>
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        list.map((n) => <Item key={n.id} n={n} onOpen={(x) => void openOne(x)} />)
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div className="ls-notif-head">
          <span>{t('notif.title')}</span>
          {unread > 0 && <Typography.Text type="secondary">{t('notif.unreadOnly', { count: unread })}</Typography.Text>}
        </div>
      }
      content={content}
      styles={{ container: { padding: 0 }, title: { padding: '12px 16px 8px', margin: 0, borderBottom: '1px solid #f0f0f0' } }}
    >
      <Button
        type="text"
        className="ls-header-btn"
        data-testid="notif-bell"
        data-unread={unread}
        aria-label={t('notif.bell', { count: unread })}
        style={{ height: 44, paddingInline: 10 }}
      >
        {/* a white badge: the default red would vanish on the red header */}
        <Badge
          count={unread}
          size="small"
          overflowCount={99}
          offset={[2, -2]}
          styles={{ indicator: { background: '#fff', color: '#b71c1c', fontWeight: 600, boxShadow: '0 0 0 1px #b71c1c' } }}
        >
          <BellOutlined style={{ fontSize: 18, color: 'rgba(255,255,255,0.92)' }} />
        </Badge>
      </Button>
    </Popover>
  );
}
