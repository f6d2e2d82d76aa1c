import Keycloak from 'keycloak-js';
import { loadConfig } from './config';

/** The signed-in person, read from the access token's claims. */
export interface User {
  /** Keycloak's subject (the id the API records as actor). */
  id: string;
  username: string;
  /** Full name as Keycloak has it ("刘芳"), or the username. */
  name: string;
  /** Realm roles: resident, grid_worker, community_staff, street_staff, department_staff, district_admin ... */
  roles: string[];
  /** Area the person works in, e.g. /qjp/qjp-pulou/qjp-pulou-chengnan */
  orgPath?: string;
  /** Department of a department_staff member, e.g. dept-housing */
  departmentId?: string;
}

export interface Session {
  user: User;
  /** A current access token; refreshed first when it has less than 30 s left. */
  token(): Promise<string>;
  hasRole(role: string): boolean;
  /** Signs in again and comes back to the page the user is on (used on a 401). */
  login(): Promise<void>;
  logout(): Promise<void>;
}

const MIN_VALIDITY_SECONDS = 30;

let current: Session | undefined;

/** The session started by initAuth; undefined before it (and in component tests). */
export function currentSession(): Session | undefined {
  return current;
}

/** For tests and tools that bring their own session. */
export function setSession(session: Session | undefined): void {
  current = session;
}

interface GrassrootsClaims {
  sub?: string;
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  realm_access?: { roles?: string[] };
  org_path?: string | string[];
  department_id?: string | string[];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function userFromClaims(claims: GrassrootsClaims): User {
  const username = claims.preferred_username ?? claims.sub ?? '';
  // Keycloak's "full name" is "given family"; a Chinese name reads family first.
  const chineseName =
    claims.family_name && claims.given_name ? `${claims.family_name}${claims.given_name}` : undefined;
  return {
    id: claims.sub ?? '',
    username,
    name: chineseName ?? claims.name ?? username,
    roles: claims.realm_access?.roles ?? [],
    orgPath: first(claims.org_path),
    departmentId: first(claims.department_id),
  };
}

/**
 * Signs the user in through Keycloak (authorization code with PKCE S256; the browser never sees a
 * password) and resolves once a token is there. A page that is not signed in is sent to Keycloak's
 * login page and comes back to the same address.
 */
export async function initAuth(clientId: string): Promise<Session> {
  const config = await loadConfig();
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The session iframe needs third-party cookies; tokens are refreshed on use instead.
    checkLoginIframe: false,
    redirectUri: window.location.href,
  });
  const session: Session = {
    user: userFromClaims((keycloak.tokenParsed ?? {}) as GrassrootsClaims),
    async token() {
      try {
        await keycloak.updateToken(MIN_VALIDITY_SECONDS);
      } catch {
        // The refresh token is gone too (session ended at Keycloak): sign in again, then come back.
        await keycloak.login({ redirectUri: window.location.href });
        throw new Error('登录已过期，正在重新登录');
      }
      return keycloak.token ?? '';
    },
    hasRole(role: string) {
      return session.user.roles.includes(role);
    },
    async login() {
      await keycloak.login({ redirectUri: window.location.href });
    },
    async logout() {
      const base = window.location.pathname.startsWith('/m/') || window.location.pathname === '/m' ? '/m/' : '/';
      await keycloak.logout({ redirectUri: window.location.origin + base });
    },
  };
  current = session;
  return session;
}
