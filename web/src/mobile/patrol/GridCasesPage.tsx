import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { allPages, MAX_CASE_PAGE_SIZE } from '../../shared/pages';
import { CaseCard } from '../cases/CaseCard';
import { PageHeader } from '../common/PageHeader';
import type { Case } from '../types';

interface StaffAssignment {
  gridCode: string;
  role: string;
  active: boolean;
}

const OPEN = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED'];

/** Every case of a grid in one of the open states, oldest first (read state by state, page by page). */
async function openCasesOf(grid: string): Promise<Case[]> {
  const lists = await Promise.all(OPEN.map((status) => allPages<Case>('/api/cases', { grid, status }, MAX_CASE_PAGE_SIZE)));
  return lists.flat().sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}

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
        const [grid, open] = await Promise.all([api<{ name: string }>(`/api/grids/${code}`), openCasesOf(code)]);
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
