import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ReportPage } from './ReportPage';

// jsdom draws no pictures: the shrinking is Chromium's part (the browser walk checks it); here a
// photo is "shrunk" to itself.
vi.mock('./photos', async (actual) => ({
  ...(await actual<typeof import('./photos')>()),
  shrinkPhoto: async (file: Blob) => file,
}));

// jsdom lays nothing out, so it cannot scroll either.
window.scrollTo = () => {};

const categories = [
  {
    code: 'BURST_WATER_PIPE',
    name: '供水管道爆裂',
    kind: 'COMPLAINT',
    active: true,
    emergencyLimits: { respond: 'PT1H' },
    attributes: [
      { code: 'waterStillFlowing', label: '是否仍在冒水', datatype: 'BOOLEAN', required: true },
      { code: 'householdsWithoutWater', label: '停水户数(估计)', datatype: 'NUMBER', required: false },
    ],
  },
];

const square = {
  type: 'Polygon',
  coordinates: [[[119.0, 33.6], [119.01, 33.6], [119.01, 33.61], [119.0, 33.61], [119.0, 33.6]]],
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function serve(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const path = url.split('?')[0];
    const key = `${init?.method ?? 'GET'} ${path}`;
    const route = routes[key];
    if (!route) {
      return json({ type: 'x/not-found', status: 404, detail: `no ${key}` }, 404);
    }
    return route();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function open(address: string) {
  return render(
    <MemoryRouter initialEntries={[address]}>
      <ReportPage channel="RESIDENT_APP" />
    </MemoryRouter>,
  );
}

describe('the report page', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the chosen category’s questions and names what is missing before sending', async () => {
    const fetchMock = serve({ 'GET /api/categories': () => json(categories) });
    const user = userEvent.setup();
    open('/report');

    await user.click(await screen.findByRole('radio', { name: '供水管道爆裂' }));
    expect(screen.getByText('是否仍在冒水')).toBeTruthy();
    expect(screen.getByLabelText('停水户数(估计)')).toBeTruthy();
    expect(screen.getByText(/情况紧急/)).toBeTruthy();
    await user.type(screen.getByLabelText('停水户数(估计)'), '十几户');
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect(screen.getByText('请填写此项')).toBeTruthy();
    expect(screen.getByText('请填写数字')).toBeTruthy();
    expect(screen.getByText('请描述您看到的问题')).toBeTruthy();
    expect(screen.getByText('请定位或在地图上点选问题所在位置')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('fills in the grid and the building of a scanned code, and sends the report there', async () => {
    const fetchMock = serve({
      'GET /api/categories': () => json(categories),
      'GET /api/grids/320812001001001': () =>
        json({ code: '320812001001001', name: '城南社区第一网格', level: 'LEVEL_3', retired: false, boundary: square }),
      'POST /api/cases': () =>
        json({ id: 'c1', number: 'GR-20261203-000007', status: 'REPORTED', possibleDuplicateOf: 'c0', gridName: '城南社区第一网格' }, 201),
    });
    const user = userEvent.setup();
    open('/report?grid=320812001001001&building=3');

    expect(await screen.findByText('已按二维码填入位置：城南社区第一网格 3号楼')).toBeTruthy();
    expect((screen.getByLabelText('详细地址') as HTMLInputElement).value).toBe('城南社区第一网格 3号楼');
    await user.click(await screen.findByRole('radio', { name: '供水管道爆裂' }));
    await user.click(screen.getByRole('radio', { name: '是' }));
    await user.type(screen.getByLabelText(/问题描述/), '3号楼前水管爆裂');
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByTestId('case-number')).toHaveProperty('textContent', 'GR-20261203-000007');
    expect(screen.getByTestId('duplicate').textContent).toContain('附近 50 米内已有同类诉求');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      categoryCode: 'BURST_WATER_PIPE',
      description: '3号楼前水管爆裂',
      point: { lon: 119.005, lat: 33.605 },
      locationDescription: '城南社区第一网格 3号楼',
      answers: { waterStillFlowing: true },
      channel: 'RESIDENT_APP',
    });
  });

  it('says so when the scanned grid is retired, and fills nothing in', async () => {
    serve({
      'GET /api/categories': () => json(categories),
      'GET /api/grids/320812001001009': () =>
        json({ code: '320812001001009', name: '城南社区旧九网格', level: 'LEVEL_3', retired: true, boundary: square }),
    });
    open('/report?grid=320812001001009');

    expect(await screen.findByText('二维码对应的「城南社区旧九网格」已撤销，请定位或在地图上选择问题所在位置')).toBeTruthy();
    expect((screen.getByLabelText('详细地址') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.queryByTestId('place')).toBeNull());
  });

  it('shows the service’s reason in Chinese when the report is refused', async () => {
    serve({
      'GET /api/categories': () => json(categories),
      'GET /api/grids/320812001001001': () =>
        json({ code: '320812001001001', name: '城南社区第一网格', level: 'LEVEL_3', retired: false, boundary: square }),
      'POST /api/cases': () =>
        json({ type: 'https://grassroots.example.org/problems/validation', status: 400, errors: [{ field: 'description', reason: 'size must be between 0 and 2000' }] }, 400),
    });
    const user = userEvent.setup();
    open('/report?grid=320812001001001');
    await user.click(await screen.findByRole('radio', { name: '供水管道爆裂' }));
    await user.click(screen.getByRole('radio', { name: '否' }));
    await user.type(screen.getByLabelText(/问题描述/), '水管漏水');
    await screen.findByText(/已按二维码填入位置/);
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect((await screen.findByRole('alert')).textContent).toBe('提交失败：填写有误：「描述」长度须在 0 到 2000 之间');
  });

  it('keeps the report when the platform is busy, waits as long as it asks, then sends it', async () => {
    let calls = 0;
    const fetchMock = serve({
      'GET /api/categories': () => json(categories),
      'GET /api/grids/320812001001001': () =>
        json({ code: '320812001001001', name: '城南社区第一网格', level: 'LEVEL_3', retired: false, boundary: square }),
      'POST /api/cases': () =>
        ++calls === 1
          ? new Response(
              JSON.stringify({ type: 'urn:grassroots:problem:service-unavailable', status: 503, detail: 'The platform is busy; try again in 2 s' }),
              { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' } },
            )
          : json({ id: 'c2', number: 'GR-20261203-000008', status: 'REPORTED', gridName: '城南社区第一网格' }, 201),
    });
    const user = userEvent.setup();
    open('/report?grid=320812001001001');
    await user.click(await screen.findByRole('radio', { name: '供水管道爆裂' }));
    await user.click(screen.getByRole('radio', { name: '否' }));
    await user.type(screen.getByLabelText(/问题描述/), '暴雨后路口积水');
    await screen.findByText(/已按二维码填入位置/);
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      '提交失败：服务暂时不可用（平台繁忙，请 2 秒后再试）。您填写的内容已保留，稍后再点「提交」即可。',
    );
    const waiting = screen.getByRole('button', { name: '请稍候（2 秒）' }) as HTMLButtonElement;
    expect(waiting.disabled).toBe(true);
    expect((screen.getByLabelText(/问题描述/) as HTMLTextAreaElement).value).toBe('暴雨后路口积水');

    const send = (await screen.findByRole('button', { name: '提交' }, { timeout: 4000 })) as HTMLButtonElement;
    expect(send.disabled).toBe(false);
    await user.click(send);

    expect(await screen.findByTestId('case-number')).toHaveProperty('textContent', 'GR-20261203-000008');
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(JSON.parse(posts[1][1]!.body as string).description).toBe('暴雨后路口积水');
  });

  it('asks for the categories again when the platform is busy, as long as it asks', async () => {
    let calls = 0;
    serve({
      'GET /api/categories': () =>
        ++calls === 1
          ? new Response(
              JSON.stringify({ type: 'urn:grassroots:problem:service-unavailable', status: 503, detail: 'The platform is busy; try again in 1 s' }),
              { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } },
            )
          : json(categories),
    });
    open('/report');

    expect(await screen.findByText('问题类别加载失败：服务暂时不可用（平台繁忙，请 1 秒后再试），稍后自动重试')).toBeTruthy();
    expect(await screen.findByRole('radio', { name: '供水管道爆裂' }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByText(/问题类别加载失败/)).toBeNull();
    expect(calls).toBe(2);
  });

  it('takes the report when a photo fails, names the photo and sends it again on request', async () => {
    let uploads = 0;
    const fetchMock = serve({
      'GET /api/categories': () => json(categories),
      'GET /api/grids/320812001001001': () =>
        json({ code: '320812001001001', name: '城南社区第一网格', level: 'LEVEL_3', retired: false, boundary: square }),
      'POST /api/cases': () => json({ id: 'c9', number: 'GR-20261203-000009', status: 'REPORTED' }, 201),
      'POST /api/cases/c9/attachments': () =>
        ++uploads === 2
          ? json({ type: 'https://grassroots.example.org/problems/service-unavailable', status: 503 }, 503)
          : json([{ id: `a${uploads}`, stage: 'REPORT' }], 201),
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => {} }));
    const user = userEvent.setup();
    open('/report?grid=320812001001001');
    await user.click(await screen.findByRole('radio', { name: '供水管道爆裂' }));
    await user.click(screen.getByRole('radio', { name: '否' }));
    await user.type(screen.getByLabelText(/问题描述/), '水管漏水');
    await user.upload(screen.getByTestId('gallery'), [
      new File(['one'], 'IMG_1.jpg', { type: 'image/jpeg' }),
      new File(['two'], 'IMG_2.jpg', { type: 'image/jpeg' }),
    ]);
    await screen.findByText(/已按二维码填入位置/);
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByTestId('case-number')).toHaveProperty('textContent', 'GR-20261203-000009');
    expect((await screen.findByRole('alert')).textContent).toContain('1 张照片上传失败（第 2 张：服务暂时不可用）');
    expect(screen.getByText('现场照片：已上传 1 / 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重新上传失败的照片' }));
    expect(await screen.findByText('现场照片：已上传 2 / 2')).toBeTruthy();
    const sent = fetchMock.mock.calls.filter(([url]) => url === '/api/cases/c9/attachments');
    expect(sent).toHaveLength(3);
    const form = sent[2][1]!.body as FormData;
    expect(form.get('stage')).toBe('REPORT');
    expect((form.get('file') as File).name).toBe('IMG_2.jpg');
  });
});
