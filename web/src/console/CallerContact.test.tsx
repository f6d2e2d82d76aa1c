import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallerContact } from './CallerContact';

let calls: string[];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ name: '王女士', phone: '13912345678' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('CallerContact', () => {
  it('given a case recorded on a caller\'s behalf, when the page shows it, then the contact is not read until staff ask for it', async () => {
    render(<CallerContact caseId="case-1" />);
    expect(screen.getByText('查看会被记录')).toBeTruthy();
    expect(calls).toEqual([]);
    expect(screen.queryByText('13912345678')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /查看联系方式/ }));
    await waitFor(() => expect(screen.getByText('13912345678')).toBeTruthy());
    expect(screen.getByText('王女士')).toBeTruthy();
    expect(calls).toEqual(['/api/cases/case-1/caller-contact']);
  });
});
