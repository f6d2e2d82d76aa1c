import { describe, expect, it } from 'vitest';
import { contains, pointInside } from './geo';

const square = {
  type: 'Polygon',
  coordinates: [[[119.0, 33.6], [119.01, 33.6], [119.01, 33.61], [119.0, 33.61], [119.0, 33.6]]],
};

// An L whose centroid falls outside it.
const ell = {
  type: 'Polygon',
  coordinates: [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]],
};

describe('a point inside a grid', () => {
  it('is the centre of a plain grid', () => {
    expect(pointInside(square)).toEqual({ lon: 119.005, lat: 33.605 });
  });

  it('stays inside a grid bent around its centre', () => {
    const point = pointInside(ell)!;
    expect(contains(ell, point)).toBe(true);
  });

  it('is nothing for a grid without a boundary', () => {
    expect(pointInside(undefined)).toBeUndefined();
  });
});
