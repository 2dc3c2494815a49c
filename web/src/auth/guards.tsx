import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types';
import { useAuth } from './AuthContext';
import { FullPageSpin, ForbiddenResult } from '../components/Results';

/** Signed-in users only; while the password must change, only /password is open. */
export function RequireAuth() {
  const { ready, me } = useAuth();
  const location = useLocation();
  if (!ready) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

export function RequirePerm({ perm, children }: { perm: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(perm) ? <>{children}</> : <ForbiddenResult />;
}
