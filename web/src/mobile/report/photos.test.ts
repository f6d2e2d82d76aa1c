import { describe, expect, it } from 'vitest';
import { admitPhotos, MAX_PHOTOS, scaledSize } from './photos';

function photo(name: string, type = 'image/jpeg', bytes = 3 * 1024 * 1024): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

describe('choosing photos', () => {
  it('takes up to nine and says why the rest are left out', () => {
    const chosen = Array.from({ length: 4 }, (_, i) => photo(`p${i}.jpg`));
    const { accepted, refused } = admitPhotos(6, chosen);
    expect(accepted.map((f) => f.name)).toEqual(['p0.jpg', 'p1.jpg', 'p2.jpg']);
    expect(refused).toEqual([{ name: 'p3.jpg', reason: `最多 ${MAX_PHOTOS} 张照片` }]);
  });

  it('refuses what is not a photo and what is far too large for one', () => {
    const { accepted, refused } = admitPhotos(0, [
      photo('合同.pdf', 'application/pdf'),
      photo('panorama.png', 'image/png', 60 * 1024 * 1024),
      photo('ok.webp', 'image/webp'),
    ]);
    expect(accepted.map((f) => f.name)).toEqual(['ok.webp']);
    expect(refused).toEqual([
      { name: '合同.pdf', reason: '不是照片（支持 JPEG、PNG、WebP）' },
      { name: 'panorama.png', reason: '照片过大（60.0 MB，最大 40 MB）' },
    ]);
  });

  it('shrinks the longest side to 1600 px and never enlarges', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
