import { afterEach, describe, expect, it, vi } from 'vitest';
import { allPages, MAX_PAGE_SIZE } from './pages';

afterEach(() => vi.unstubAllGlobals());

/** A list of `total` numbered items served the way the platform pages them. */
function servePages(total: number) {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      calls.push(url);
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('size'));
      const items = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) => ({ n: page * size + i }));
      return new Response(JSON.stringify({ items, page, size, totalItems: total }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

describe('allPages', () => {
  it('given a list longer than one page, when read, then every item once in order, a page after another', async () => {
    const calls = servePages(MAX_PAGE_SIZE + 3);
    const items = await allPages<{ n: number }>('/api/grids', { communityId: 'qjp-pulou-chengnan' });
    expect(items.map((item) => item.n)).toEqual(Array.from({ length: MAX_PAGE_SIZE + 3 }, (_, i) => i));
    expect(calls.map((url) => url.searchParams.get('page'))).toEqual(['0', '1']);
    expect(calls.every((url) => url.searchParams.get('size') === String(MAX_PAGE_SIZE))).toBe(true);
    expect(calls[0].searchParams.get('communityId')).toBe('qjp-pulou-chengnan');
  });

  it('given a short list, when read, then one call', async () => {
    const calls = servePages(4);
    expect(await allPages('/api/grids/communities')).toHaveLength(4);
    expect(calls).toHaveLength(1);
  });
});
