import {
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HourglassOutlined,
  InboxOutlined,
  LogoutOutlined,
  MenuOutlined,
  QrcodeOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { App as AntApp, Badge, Button, ConfigProvider, Drawer, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from '../shared/api';
import type { Session } from '../shared/auth';
import { areaSource, areaText } from './model/area';
import { ROLE_LABELS } from './model/labels';
import { useNarrow } from './model/narrow';
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
const OnBehalf = lazy(() => import('./pages/OnBehalf'));
const Parked = lazy(() => import('./pages/Parked'));
const Calendars = lazy(() => import('./pages/Calendars'));
const Result = lazy(() => import('./components/Outcome'));

interface Screen {
  path: string;
  label: string;
  icon: ReactNode;
  roles: string[];
}

const CASE_ROLES = [...STAFF_ROLES, 'department_staff', 'grid_worker'];
const CALENDAR_ROLES = ['district_admin', 'platform_admin'];

// Each page only for the roles its API allows: 代为登记 and 挂账 area staff, 节假日 (PUT /api/calendars) the district.
const SCREENS: Screen[] = [
  { path: '/', label: '工作台', icon: <DesktopOutlined />, roles: STAFF_ROLES },
  { path: '/on-behalf', label: '代为登记', icon: <FormOutlined />, roles: STAFF_ROLES },
  { path: '/cases', label: '案件', icon: <UnorderedListOutlined />, roles: CASE_ROLES },
  { path: '/parked', label: '挂账', icon: <HourglassOutlined />, roles: STAFF_ROLES },
  { path: '/inbox', label: '部门待办', icon: <InboxOutlined />, roles: INBOX_ROLES },
  { path: '/sla', label: '时限', icon: <ClockCircleOutlined />, roles: [...STAFF_ROLES, 'department_staff'] },
  { path: '/map', label: '地图', icon: <EnvironmentOutlined />, roles: STAFF_ROLES },
  { path: '/stats', label: '评价', icon: <BarChartOutlined />, roles: STATS_ROLES },
  { path: '/codes', label: '码上办', icon: <QrcodeOutlined />, roles: STAFF_ROLES },
  { path: '/calendars', label: '节假日', icon: <CalendarOutlined />, roles: CALENDAR_ROLES },
];

function LiveBadge() {
  const [mode, setMode] = useState<LiveMode>(caseChanges.mode);
  useEffect(() => caseChanges.onMode(setMode), []);
  const text = { connecting: '连接中', stream: '实时', polling: '定时刷新' }[mode];
  return (
    <Badge status={mode === 'stream' ? 'success' : mode === 'polling' ? 'warning' : 'processing'} text={text} />
  );
}

/**
 * The caller's area by name (城南社区), from org-service; a department's staff their department
 * (住房和城乡建设局), which they may read where the org tree is closed to them. The district while unknown.
 */
function AreaName({ user }: { user: Session['user'] }) {
  const source = areaSource(user);
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!source) return;
    let current = true;
    api<{ name: string }>(source.path).then(
      (unit) => current && setName(unit.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [source?.path]);
  return (
    <Typography.Text type="secondary" title={user.orgPath} data-testid="area-name" ellipsis style={{ minWidth: 0 }}>
      {areaText(name)}
    </Typography.Text>
  );
}

/** A page only for the roles the API allows it: others are told so instead of meeting a 403 per call. */
function Guarded({ session, roles, home, children }: { session: Session; roles: string[]; home: string; children: ReactNode }) {
  const navigate = useNavigate();
  return hasAny(session, roles) ? (
    <>{children}</>
  ) : (
    <Result status="403" title="此页面不在您的权限范围内" extra={<Button onClick={() => navigate(home)}>返回</Button>} />
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
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);

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

  const title = (
    <div style={{ color: '#fff', padding: '18px 16px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <AlertOutlined style={{ marginRight: 8, color: '#ff4d4f' }} />
      基层治理指挥中心
    </div>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={screens.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
      onClick={({ key }) => navigate(key)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* On a phone the screens are a drawer behind the header's menu button: a rail of icons would take a sixth of the width. */}
      {narrow ? (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          width={220}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {title}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={184} theme="dark" breakpoint="xl" collapsedWidth={64}>
          {title}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: narrow ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, borderBottom: '1px solid #f0f0f0' }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
            {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="菜单" title="菜单" onClick={() => setMenuOpen(true)} />}
            <AreaName user={session.user} />
          </div>
          {/* On a phone (390 px) the roles and the button's word give way, so the header stays one line. */}
          <Space size={narrow ? 'small' : 'large'} style={{ flexShrink: 0 }}>
            <LiveBadge />
            {!narrow && (
              <Space size={4}>
                {roles.map((r) => (
                  <Tag key={r}>{r}</Tag>
                ))}
              </Space>
            )}
            <Typography.Text strong data-testid="user-name" style={{ whiteSpace: 'nowrap' }}>{session.user.name}</Typography.Text>
            <Button icon={<LogoutOutlined />} aria-label="退出" title="退出" onClick={() => void session.logout()}>
              {narrow ? null : '退出'}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 20, minWidth: 0 }}>
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
              <Route path="/on-behalf" element={<Guarded session={session} roles={STAFF_ROLES} home={home}><OnBehalf /></Guarded>} />
              <Route path="/parked" element={<Guarded session={session} roles={STAFF_ROLES} home={home}><Parked /></Guarded>} />
              <Route path="/calendars" element={<Guarded session={session} roles={CALENDAR_ROLES} home={home}><Calendars /></Guarded>} />
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
