import { api, type ApiOptions } from './api';

/** One page of a list, as every list of the platform answers (platform-support's `Page`). */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

/** The largest page the services give (platform-support's `Paging.MAX_SIZE`); a larger size is a 400 naming `size`. */
export const MAX_PAGE_SIZE = 500;

/** The largest page of whole cases case-service gives (`/api/cases` and its other case lists). */
export const MAX_CASE_PAGE_SIZE = 100;

/**
 * Every item of a paged list, read page after page of the largest size until the total is reached:
 * for screens that need them all (the communities of a filter, the grids of a community). One call
 * for any list of up to 500 items; a list with a smaller largest page (whole cases: `MAX_CASE_PAGE_SIZE`)
 * passes its own `size`.
 */
export async function allPages<T>(path: string, query: ApiOptions['query'] = {}, size = MAX_PAGE_SIZE): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; ; page++) {
    const answer = await api<Page<T>>(path, { query: { ...query, page, size } });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.totalItems) {
      return items;
    }
  }
}
