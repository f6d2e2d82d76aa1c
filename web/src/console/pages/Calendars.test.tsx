import { fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Calendars from './Calendars';

const year = new Date().getFullYear();

/** A screen of the given width, as Ant Design's breakpoints ask it (min-width and max-width queries only). */
function screenOf(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return { matches, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false };
  });
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://console').pathname;
      if (path === '/api/calendars') {
        return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: `${year} 年的节假日尚未配置` };
      return new Response(JSON.stringify(problem), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function twoHolidayRows() {
  render(
    <App>
      <Calendars />
    </App>,
  );
  fireEvent.click(await screen.findByRole('button', { name: `录入 ${year} 年节假日` }, { timeout: 5000 }));
  fireEvent.click(screen.getByRole('button', { name: /添加假期/ }));
  expect(screen.getAllByTestId('holiday-row')).toHaveLength(2);
}

describe('Calendars', () => {
  it('given a phone held upright, when a second holiday is added, then its fields are labelled too and a line sets it apart', async () => {
    screenOf(390);

    await twoHolidayRows();

    for (const label of ['名称', '放假首日', '放假末日', '天数']) {
      expect(screen.getAllByText(label, { selector: 'label' })).toHaveLength(2);
    }
    // One dashed line, between the two holidays, outside either row (so it spans the fields exactly).
    const [first, second] = screen.getAllByTestId('holiday-row');
    const [separator, ...more] = screen.getAllByTestId('holiday-separator');
    expect(more).toHaveLength(0);
    expect(separator.className).toContain('ant-divider-dashed');
    expect(first.compareDocumentPosition(separator) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(separator.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('given a wide screen, when a second holiday is added, then the labels head the columns once, above the first row', async () => {
    screenOf(1280);

    await twoHolidayRows();

    for (const label of ['名称', '放假首日', '放假末日', '天数']) {
      expect(screen.getAllByText(label, { selector: 'label' })).toHaveLength(1);
    }
    expect(screen.queryAllByTestId('holiday-separator')).toHaveLength(0);
  });
});
