import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { PageHeader } from '../common/PageHeader';
import type { Case, CasePage } from '../types';
import { CaseCard } from './CaseCard';

const PAGE_SIZE = 20;

/** 我的诉求: the resident's own reports, newest first. */
export default function MyCasesPage() {
  const [cases, setCases] = useState<Case[]>();
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    api<CasePage>('/api/cases/mine', { query: { page, size: PAGE_SIZE } }).then(
      (answer) => {
        setCases((now) => (page === 0 ? answer.items : [...(now ?? []), ...answer.items]));
        setTotal(answer.totalItems);
      },
      (problem: unknown) => setFailure(problem instanceof Error ? problem.message : String(problem)),
    );
  }, [page]);

  return (
    <>
      <PageHeader title="我的诉求" />
      <main className="m-page">
        {failure && <p className="m-notice m-notice-bad">{failure}</p>}
        {!cases && !failure && <p className="m-loading">正在加载…</p>}
        {cases?.length === 0 && (
          <div className="m-empty">
            <p>您还没有反映过问题。</p>
            <Link className="m-button" to="/report">
              我要反映
            </Link>
          </div>
        )}
        <ul className="m-cards">
          {cases?.map((aCase) => (
            <CaseCard key={aCase.id} aCase={aCase} />
          ))}
        </ul>
        {cases && cases.length < total && (
          <button className="m-button m-button-ghost m-more" onClick={() => setPage((now) => now + 1)}>
            加载更多
          </button>
        )}
      </main>
    </>
  );
}
