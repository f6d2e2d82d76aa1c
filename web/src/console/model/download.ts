import { api, type ApiOptions } from '../../shared/api';

/** Saves an answer of the API as a file (CSV exports), with the bearer token like any call. */
export async function downloadFrom(path: string, query: ApiOptions['query'], fileName: string): Promise<void> {
  const response = await api<Response>(path, { query, raw: true, headers: { Accept: 'text/csv' } });
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('csv')) {
    throw new Error('服务未返回CSV文件');
  }
  saveBlob(await response.blob(), fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV text with a BOM, so Excel opens the Chinese correctly. */
export function toCsv(header: string[], rows: (string | number | boolean | undefined | null)[][]): Blob {
  const cell = (value: string | number | boolean | undefined | null) => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return new Blob(['\uFEFF' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
}
