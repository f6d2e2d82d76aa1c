import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { allPages } from '../../shared/pages';
import { CaseCard } from '../cases/CaseCard';
import { PageHeader } from '../common/PageHeader';
import type { Case, CasePage } from '../types';

interface StaffAssignment {
  gridCode: string;
  role: string;
  active: boolean;
}

const OPEN = new Set(['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED']);

/** The grid worker's grids and the cases in them not closed yet (oldest first: longest waiting). */
export default function GridCasesPage() {
  const [grids, setGrids] = useState<{ code: string; name: string; cases: Case[] }[]>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    (async () => {
      const assignments = await allPages<StaffAssignment>('/api/grids/workers/me/grids');
      const codes = [...new Set(assignments.filter((one) => one.active !== false).map((one) => one.gridCode))];
      const shown = [];
      for (const code of codes) {
        const [grid, page] = await Promise.all([
          api<{ name: string }>(`/api/grids/${code}`),
          api<CasePage>('/api/cases', { query: { grid: code, size: 100 } }),
        ]);
        const open = page.items.filter((one) => OPEN.has(one.status)).reverse();
        shown.push({ code, name: grid.name, cases: open });
      }
      setGrids(shown);
    })().catch((problem: unknown) => setFailure(problem instanceof Error ? problem.message : String(problem)));
  }, []);

  return (
    <>
      <PageHeader title="网格内待办案件" back />
      <main className="m-page">
        {failure && <p className="m-notice m-notice-bad">{failure}</p>}
        {!grids && !failure && <p className="m-loading">正在加载…</p>}
        {grids?.length === 0 && <p className="m-empty">您目前没有负责的网格。</p>}
        {grids?.map((grid) => (
          <section key={grid.code} className="m-section">
            <h2>
              {grid.name}（{grid.cases.length} 件未办结）
            </h2>
            {grid.cases.length === 0 ? (
              <p className="m-hint">本网格没有未办结的诉求。</p>
            ) : (
              <ul className="m-cards">
                {grid.cases.map((aCase) => (
                  <CaseCard key={aCase.id} aCase={aCase} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </main>
    </>
  );
}
