import { createContext, useContext, useEffect, useState } from 'react';
import type { Session } from '../../shared/auth';

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('no session');
  }
  return session;
}

export const STAFF_ROLES = ['community_staff', 'street_staff', 'district_admin', 'platform_admin'];
export const STATS_ROLES = [...STAFF_ROLES, 'grid_worker', 'department_staff'];
export const INBOX_ROLES = ['department_staff', 'party_member', 'grid_worker'];

export function hasAny(session: Session, roles: string[]): boolean {
  return roles.some((role) => session.hasRole(role));
}

/** The clock the deadline colours follow, ticking every 30 s. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
