import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../model/types';
import { Duplicates } from './Duplicates';

const linkedCase = (i: number) => ({ id: `dup-${i}`, number: `GR-20261203-${String(i).padStart(6, '0')}`, status: 'REPORTED' }) as CaseView;

let total: number;
let asked: URL[];

beforeEach(() => {
  asked = [];
  total = 23;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const address = new URL(url, 'http://console');
      asked.push(address);
      const page = Number(address.searchParams.get('page'));
      const size = Number(address.searchParams.get('size'));
      const items = Array.from({ length: total }, (_, i) => linkedCase(i + 1)).slice(page * size, page * size + size);
      return new Response(JSON.stringify({ items, page, size, totalItems: total }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function card(aCase: Partial<CaseView>) {
  render(
    <MemoryRouter>
      <Duplicates aCase={{ id: 'case-1', ...aCase } as CaseView} />
    </MemoryRouter>,
  );
}

describe('Duplicates', () => {
  it('given more linked reports than the card shows, when the next page is asked for, then the API is asked for it and all are counted', async () => {
    card({});

    expect(await screen.findByText('GR-20261203-000001', {}, { timeout: 5000 })).toBeTruthy();
    expect(asked[0].pathname).toBe('/api/cases/case-1/duplicates');
    expect(asked[0].searchParams.get('size')).toBe('10');
    expect(screen.getByText('共 23 件')).toBeTruthy();
    expect(screen.getAllByText('重复上报')).toHaveLength(10);

    fireEvent.click(document.querySelector('.ant-pagination-next')!);

    expect(await screen.findByText('GR-20261203-000011', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('page')).toBe('1'));
  });

  it('given a case linked to an original, when listed, then the original is marked as such', async () => {
    total = 1;
    card({ possibleDuplicateOf: 'dup-1' });

    expect(await screen.findByText('原案件（50米内同类未结案件）', {}, { timeout: 5000 })).toBeTruthy();
    expect(document.querySelector('.ant-pagination')).toBeNull();
  });

  it('given no linked reports, when listed, then the card says none', async () => {
    total = 0;
    card({});

    expect(await screen.findByText('无', {}, { timeout: 5000 })).toBeTruthy();
  });
});
