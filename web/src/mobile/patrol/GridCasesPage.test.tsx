import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import GridCasesPage from './GridCasesPage';

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('the patrol page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('given the worker’s grids as a page, when opened, then each grid is shown with its open cases', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        const path = url.split('?')[0];
        if (path === '/api/grids/workers/me/grids') {
          // grid-service answers a worker's grids as platform-support's page
          return json({ items: [{ gridCode: '320812001001001', role: 'FULL_TIME_WORKER', active: true }], page: 0, size: 500, totalItems: 1 });
        }
        if (path === '/api/grids/320812001001001') {
          return json({ code: '320812001001001', name: '城南社区第一网格' });
        }
        return json({ items: [], page: 0, size: 100, totalItems: 0 });
      }),
    );

    render(
      <MemoryRouter>
        <GridCasesPage />
      </MemoryRouter>,
    );

    expect(await screen.findByText(/城南社区第一网格/)).toBeTruthy();
    expect(screen.getByText('本网格没有未办结的诉求。')).toBeTruthy();
    expect(asked.find((url) => url.startsWith('/api/grids/workers/me/grids'))).toContain('size=500');
  });
});
