import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import type { Session } from '../shared/auth';
import { patrolChannel } from './report/reportForm';
import { ReportPage } from './report/ReportPage';
import { HomePage } from './HomePage';

// The report page is what a scanned code opens, so it comes in the first download; the rest
// (and the map, inside the report page) load when they are first opened.
const MyCasesPage = lazy(() => import('./cases/MyCasesPage'));
const CaseDetailPage = lazy(() => import('./cases/CaseDetailPage'));
const GridCasesPage = lazy(() => import('./patrol/GridCasesPage'));

export function App({ session }: { session: Session }) {
  const patrol = patrolChannel(session.user.roles);
  return (
    <div className="m-app">
      <Suspense fallback={<p className="m-loading">正在加载…</p>}>
        <Routes>
          <Route path="/" element={<HomePage session={session} />} />
          <Route path="/report" element={<ReportPage channel="RESIDENT_APP" />} />
          {patrol && <Route path="/patrol" element={<ReportPage channel={patrol} />} />}
          {patrol && <Route path="/grid" element={<GridCasesPage />} />}
          <Route path="/cases" element={<MyCasesPage />} />
          <Route path="/cases/:id" element={<CaseDetailPage />} />
          <Route path="*" element={<HomePage session={session} />} />
        </Routes>
      </Suspense>
      <nav className="m-tabs" aria-label="主导航">
        <NavLink to="/" end>
          <span aria-hidden>⌂</span>首页
        </NavLink>
        <NavLink to={patrol ? '/patrol' : '/report'}>
          <span aria-hidden>＋</span>
          {patrol ? '巡查上报' : '我要反映'}
        </NavLink>
        <NavLink to="/cases">
          <span aria-hidden>☰</span>我的诉求
        </NavLink>
      </nav>
    </div>
  );
}
