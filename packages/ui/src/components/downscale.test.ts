import { describe, expect, it } from 'vitest';
import { computeDownscale, formatBytes } from './downscale.js';

describe('computeDownscale', () => {
  it('shrinks a 12-megapixel camera photo to a 1600-pixel long edge, keeping the aspect ratio', () => {
    expect(computeDownscale({ width: 4000, height: 3000 })).toEqual({
      width: 1600,
      height: 1200,
      scale: 0.4,
    });
  });

  it('treats portrait photos the same way, by their long edge', () => {
    const size = computeDownscale({ width: 3000, height: 4000 });
    expect(size.height).toBe(1600);
    expect(size.width).toBe(1200);
  });

  it('never enlarges a photo that is already small', () => {
    expect(computeDownscale({ width: 800, height: 600 })).toEqual({
      width: 800,
      height: 600,
      scale: 1,
    });
  });

  it('applies the pixel budget when it is tighter than the edge limit', () => {
    const size = computeDownscale(
      { width: 2000, height: 2000 },
      { maxEdge: 4000, maxPixels: 1_000_000 },
    );
    expect(size.width * size.height).toBeLessThanOrEqual(1_000_000);
    expect(size.width).toBe(1000);
    expect(size.height).toBe(1000);
  });

  it('keeps a panorama within both limits and at least one pixel high', () => {
    const size = computeDownscale({ width: 20000, height: 10 }, { maxEdge: 1600 });
    expect(size.width).toBe(1600);
    expect(size.height).toBe(1);
  });

  it('refuses sizes that are not positive numbers', () => {
    expect(() => computeDownscale({ width: 0, height: 100 })).toThrow(RangeError);
    expect(() => computeDownscale({ width: Number.NaN, height: 100 })).toThrow(RangeError);
  });

  it('stays within the limits for many odd sizes', () => {
    for (let w = 1; w < 5000; w += 397) {
      for (let h = 1; h < 5000; h += 413) {
        const size = computeDownscale(
          { width: w, height: h },
          { maxEdge: 1280, maxPixels: 900_000 },
        );
        expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(Math.max(1280, 1));
        expect(size.width * size.height).toBeLessThanOrEqual(Math.max(900_000, 1));
        expect(size.width).toBeLessThanOrEqual(w);
        expect(size.height).toBeLessThanOrEqual(h);
      }
    }
  });
});

describe('formatBytes', () => {
  it('writes sizes in the locale', () => {
    expect(formatBytes(184320, 'en')).toBe('180 KB');
    expect(formatBytes(1.5 * 1024 * 1024, 'id')).toBe('1,5 MB');
  });
});
