import type { User } from '../../shared/auth';

/**
 * What the header reads to name the caller's place: a department's staff their department (they
 * may read /api/departments, not the org tree, and their org path is the district's), everyone else
 * the org unit at the end of their path.
 */
export function areaSource(user: Pick<User, 'roles' | 'orgPath' | 'departmentId'>): { kind: 'department' | 'org'; path: string } | undefined {
  if (user.roles.includes('department_staff') && user.departmentId) {
    return { kind: 'department', path: `/api/departments/${encodeURIComponent(user.departmentId)}` };
  }
  const code = user.orgPath?.split('/').filter(Boolean).pop();
  return code ? { kind: 'org', path: `/api/orgs/${encodeURIComponent(code)}` } : undefined;
}

/** The header's text: the name read (城南社区党委, 区住房和城乡建设局), or the district while it is unknown (never a raw org path). */
export function areaText(name: string | undefined): string {
  return name ?? '清江浦区';
}
