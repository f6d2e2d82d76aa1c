import { Alert, Button } from 'antd';
import { ApiError } from '../../shared/api';

const SERVICE_NAMES: Record<string, string> = {
  'case-service': '案件服务',
  'org-service': '组织服务',
  'grid-service': '网格服务',
  'evaluation-service': '评价统计服务',
  'volunteer-service': '志愿服务',
};

/** Which part of the platform a failed call belongs to, by the gateway's 503 or by its path. */
export function serviceOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const text = `${error.problem.detail ?? ''} ${error.problem.instance ?? ''}`;
    for (const [id, name] of Object.entries(SERVICE_NAMES)) {
      if (text.includes(id)) {
        return name;
      }
    }
  }
  return fallback;
}

/**
 * One part of a screen could not load: says which part and why, offers to try again, and leaves
 * the rest of the screen working.
 */
export function ServiceAlert({ error, part, onRetry }: { error: unknown; part: string; onRetry?: () => void }) {
  if (!error) {
    return null;
  }
  const down = error instanceof ApiError && (error.status === 0 || error.status >= 502);
  const message = down ? `${serviceOf(error, part)}暂时不可用，「${part}」无法显示` : `「${part}」加载失败`;
  const description = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type={down ? 'warning' : 'error'}
      showIcon
      message={message}
      description={description}
      action={onRetry && <Button size="small" onClick={onRetry}>重试</Button>}
      style={{ marginBottom: 12 }}
      role="alert"
    />
  );
}
