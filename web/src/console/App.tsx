import {
  AlertOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  InboxOutlined,
  LogoutOutlined,
  QrcodeOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { App as AntApp, Badge, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from '../shared/api';
import type { Session } from '../shared/auth';
import { ROLE_LABELS } from './model/labels';
import { caseChanges, type LiveMode } from './model/live';
import { hasAny, INBOX_ROLES, SessionContext, STAFF_ROLES, STATS_ROLES } from './model/session';

dayjs.locale('zh-cn');

// Each screen is its own chunk: the first screen loads only what it shows (ECharts and Leaflet
// come with the statistics and map screens alone).
const Workbench = lazy(() => import('./pages/Workbench'));
const CaseList = lazy(() => import('./pages/CaseList'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const Inbox = lazy(() => import('./pages/Inbox'));
const SlaBoard = lazy(() => import('./pages/SlaBoard'));
const MapPage = lazy(() => import('./pages/MapPage'));
const Stats = lazy(() => import('./pages/Stats'));
const Codes = lazy(() => import('./pages/Codes'));
const Result = lazy(() => import('./components/Outcome'));

interface Screen {
  path: string;
  label: string;
  icon: ReactNode;
  roles: string[];
}

const CASE_ROLES = [...STAFF_ROLES, 'department_staff', 'grid_worker'];

const SCREENS: Screen[] = [
  { path: '/', label: '工作台', icon: <DesktopOutlined />, roles: STAFF_ROLES },
  { path: '/cases', label: '案件', icon: <UnorderedListOutlined />, roles: CASE_ROLES },
  { path: '/inbox', label: '部门待办', icon: <InboxOutlined />, roles: INBOX_ROLES },
  { path: '/sla', label: '时限', icon: <ClockCircleOutlined />, roles: [...STAFF_ROLES, 'department_staff'] },
  { path: '/map', label: '地图', icon: <EnvironmentOutlined />, roles: STAFF_ROLES },
  { path: '/stats', label: '评价', icon: <BarChartOutlined />, roles: STATS_ROLES },
  { path: '/codes', label: '码上办', icon: <QrcodeOutlined />, roles: STAFF_ROLES },
];

function LiveBadge() {
  const [mode, setMode] = useState<LiveMode>(caseChanges.mode);
  useEffect(() => caseChanges.onMode(setMode), []);
  const text = { connecting: '连接中', stream: '实时', polling: '定时刷新' }[mode];
  return (
    <Badge status={mode === 'stream' ? 'success' : mode === 'polling' ? 'warning' : 'processing'} text={text} />
  );
}

/** The caller's area by name (城南社区), from org-service; the org path while unknown or unreadable. */
function AreaName({ orgPath }: { orgPath?: string }) {
  const code = orgPath?.split('/').filter(Boolean).pop();
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!code) return;
    let current = true;
    api<{ name: string }>(`/api/orgs/${encodeURIComponent(code)}`).then(
      (unit) => current && setName(unit.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [code]);
  return (
    <Typography.Text type="secondary" title={orgPath} data-testid="area-name">
      {name ?? (orgPath ? `清江浦区 · ${orgPath}` : '清江浦区')}
    </Typography.Text>
  );
}

function Shell({ session }: { session: Session }) {
  const navigate = useNavigate();
  const location = useLocation();
  const screens = SCREENS.filter((screen) => hasAny(session, screen.roles));
  // Department staff start in their inbox; everyone else on the first screen their roles allow.
  const home = session.hasRole('department_staff') && !hasAny(session, STAFF_ROLES) ? '/inbox' : screens[0]?.path;
  const selected =
    screens
      .map((s) => s.path)
      .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
      .pop() ?? (location.pathname.startsWith('/cases/') ? '/cases' : '/');
  const roles = session.user.roles.filter((r) => ROLE_LABELS[r]).map((r) => ROLE_LABELS[r]);

  if (!home) {
    return (
      <Suspense fallback={null}>
        <Result
          status="403"
          title="此账号没有指挥中心的权限"
          subTitle="居民请使用手机端上报诉求。"
          extra={<Button onClick={() => void session.logout()}>退出登录</Button>}
        />
      </Suspense>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="dark" breakpoint="xl" collapsedWidth={64}>
        <div style={{ color: '#fff', padding: '18px 16px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <AlertOutlined style={{ marginRight: 8, color: '#ff4d4f' }} />
          基层治理指挥中心
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={screens.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}
        >
          <AreaName orgPath={session.user.orgPath} />
          <Space size="large">
            <LiveBadge />
            <Space size={4}>
              {roles.map((r) => (
                <Tag key={r}>{r}</Tag>
              ))}
            </Space>
            <Typography.Text strong data-testid="user-name">{session.user.name}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => void session.logout()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Routes>
              <Route path="/" element={hasAny(session, STAFF_ROLES) ? <Workbench /> : <Navigate to={home} replace />} />
              <Route path="/cases" element={<CaseList />} />
              <Route path="/cases/:id" element={<CaseDetail />} />
              <Route path="/inbox" element={<Inbox />} />
              <Route path="/sla" element={<SlaBoard />} />
              <Route path="/map" element={<MapPage />} />
              <Route path="/stats" element={<Stats />} />
              <Route path="/codes" element={<Codes />} />
              <Route path="*" element={<Result status="404" title="没有这个页面" extra={<Button onClick={() => navigate(home)}>返回</Button>} />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App({ session }: { session: Session }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c41d1d', borderRadius: 4 } }}>
      <AntApp>
        <SessionContext.Provider value={session}>
          <BrowserRouter>
            <Shell session={session} />
          </BrowserRouter>
        </SessionContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
