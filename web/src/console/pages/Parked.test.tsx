import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParkedCase } from '../model/parked';
import type { CaseView } from '../model/types';
import Parked from './Parked';

vi.mock('../model/live', () => ({ caseChanges: { subscribe: () => () => {} } }));

const TOTAL = 25;
const parked = (i: number): ParkedCase => ({
  aCase: { id: `case-${i}`, number: `GR-20261203-${String(i).padStart(6, '0')}`, status: 'PARKED', categoryCode: 'ROAD_DAMAGE', description: `路面破损 ${i}`, located: true, gridName: '城南一网格' } as CaseView,
  parkedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`,
  reason: '等待管网改造',
  daysParked: 30 - i,
  nextReviewOn: '2026-12-20',
  reviewDue: i % 2 === 0,
});

let asked: URL[];

beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const address = new URL(url, 'http://console');
      asked.push(address);
      const page = Number(address.searchParams.get('page'));
      const size = Number(address.searchParams.get('size'));
      const items = Array.from({ length: TOTAL }, (_, i) => parked(i + 1)).slice(page * size, page * size + size);
      return new Response(JSON.stringify({ items, page, size, totalItems: TOTAL }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('Parked', () => {
  it('given more parked cases than a page, when the next page is asked for, then the API is asked for that page and its cases are shown', async () => {
    render(
      <MemoryRouter>
        <Parked />
      </MemoryRouter>,
    );

    expect(await screen.findByText('GR-20261203-000001', {}, { timeout: 5000 })).toBeTruthy();
    expect(asked[0].pathname).toBe('/api/cases/parked');
    expect(asked[0].searchParams.get('page')).toBe('0');
    expect(asked[0].searchParams.get('size')).toBe('20');
    expect(screen.getByTestId('parked-total').textContent).toBe('共 25 件');
    expect(screen.getByText('本页 10 件到期待复核')).toBeTruthy();
    expect(screen.queryByText('GR-20261203-000021')).toBeNull();

    fireEvent.click(screen.getByTitle('2'));

    expect(await screen.findByText('GR-20261203-000021', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('page')).toBe('1'));
    expect(screen.queryByText('GR-20261203-000001')).toBeNull();
  });
});
