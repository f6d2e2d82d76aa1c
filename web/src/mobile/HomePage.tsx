import { Link } from 'react-router';
import type { Session } from '../shared/auth';
import { patrolChannel } from './report/reportForm';
import { PageHeader } from './common/PageHeader';

export function HomePage({ session }: { session: Session }) {
  const patrol = patrolChannel(session.user.roles);
  return (
    <>
      <PageHeader title="基层治理 · 随手拍" />
      <main className="m-page">
        <p className="m-greeting">
          {session.user.name}，您好
          <button className="m-link" onClick={() => session.logout()}>
            退出登录
          </button>
        </p>
        <Link className="m-action m-action-main" to="/report">
          <strong>我要反映</strong>
          <span>拍照、定位、说一句，社区和网格员来处理</span>
        </Link>
        <Link className="m-action" to="/cases">
          <strong>我的诉求</strong>
          <span>办理进度、预计办结时间、处理前后照片，办结后评价</span>
        </Link>
        {patrol && (
          <>
            <Link className="m-action" to="/patrol">
              <strong>巡查上报</strong>
              <span>{patrol === 'GRID_WORKER' ? '网格员巡查发现的问题' : '兼职网格员途中发现的问题'}</span>
            </Link>
            <Link className="m-action" to="/grid">
              <strong>网格内待办案件</strong>
              <span>本网格尚未办结的诉求</span>
            </Link>
          </>
        )}
        <p className="m-hint">扫描楼栋或网格公示牌上的二维码（码上办），可直接打开上报页并自动填好位置。</p>
      </main>
    </>
  );
}
