import { describe, expect, it } from 'vitest';
import { readScannedCode, scannedAddress } from './scanCode';

describe('a scanned code address', () => {
  it('gives the grid and the building', () => {
    expect(readScannedCode('?grid=320812001001001&building=3')).toEqual({ grid: '320812001001001', building: '3' });
    expect(readScannedCode('?grid=32081200100100101')).toEqual({ grid: '32081200100100101' });
  });

  it('is nothing at all on a report opened from the home page', () => {
    expect(readScannedCode('')).toEqual({});
  });

  it('says so when the grid code is not one', () => {
    expect(readScannedCode('?grid=<script>')).toEqual({ problem: '二维码中的网格编号无法识别，请直接选择位置上报' });
    expect(readScannedCode('?building=3')).toEqual({ problem: '二维码缺少网格编号，请直接选择位置上报' });
  });

  it('keeps the grid when only the building cannot be read', () => {
    expect(readScannedCode('?grid=320812001001001&building=a%20b')).toEqual({
      grid: '320812001001001',
      problem: '二维码中的楼栋编号无法识别，已只填入网格',
    });
  });

  it('fills the address line with the grid and the building', () => {
    expect(scannedAddress('城南社区第一网格', '3')).toBe('城南社区第一网格 3号楼');
    expect(scannedAddress('城南社区第一网格', 'B栋')).toBe('城南社区第一网格 B栋');
    expect(scannedAddress('城南社区第一网格')).toBe('城南社区第一网格');
  });
});
