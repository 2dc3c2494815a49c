import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, isApiError, setAuthHandlers, setCsrfToken } from '../api/client';
import type { Me, Meta, Permission, SessionAnswer } from '../api/types';
import { toast } from '../components/feedback';
import i18n from '../i18n';

interface AuthValue {
  ready: boolean;
  me: Me | null;
  meta: Meta | null;
  can: (p: Permission) => boolean;
  acceptSession: (s: SessionAnswer) => void;
  refreshMe: () => Promise<Me | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [me, setMe] = useState<Me | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  const acceptSession = useCallback((s: SessionAnswer) => {
    setCsrfToken(s.csrfToken);
    setMe(s.user);
  }, []);

  const refreshMe = useCallback(async () => {
    try {
      const s = await api.get<SessionAnswer>('/auth/me', undefined, { noRedirect: true });
      acceptSession(s);
      return s.user;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(null);
        setMe(null);
        return null;
      }
      throw e;
    }
  }, [acceptSession]);

  // First load: who am I, and what district is this?
  useEffect(() => {
    let live = true;
    const metaP = api.get<Meta>('/meta', undefined, { noRedirect: true }).then(
      (m) => live && setMeta(m),
      () => undefined,
    );
    const meP = refreshMe().catch(() => null);
    void Promise.all([metaP, meP]).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [refreshMe]);

  // Session ended on the server, or the password must change first.
  const path = location.pathname;
  useEffect(() => {
    setAuthHandlers({
      unauthorized: (err) => {
        setCsrfToken(null);
        setMe(null);
        if (path !== '/login') {
          toast('warning', err.message || i18n.t('error.sessionExpired'));
          navigate('/login', { replace: true, state: { from: path } });
        }
      },
      passwordChangeRequired: () => {
        setMe((m) => (m ? { ...m, mustChangePassword: true } : m));
        navigate('/password', { replace: true });
      },
    });
  }, [navigate, path]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { noRedirect: true });
    } catch {
      /* the session may already be gone; log out locally anyway */
    }
    setCsrfToken(null);
    setMe(null);
    toast('success', i18n.t('user.loggedOut'));
    navigate('/login', { replace: true });
  }, [navigate]);

  const value = useMemo<AuthValue>(
    () => ({
      ready,
      me,
      meta,
      can: (p) => !!me && me.permissions.includes(p),
      acceptSession,
      refreshMe,
      logout,
    }),
    [ready, me, meta, acceptSession, refreshMe, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
