/**
 * Where the region picker gets its lists from: a function, so it works with the SDK
 * (`client.regions.list`), a static list, or anything else.
 */

/** The levels of the contract's `RegionLevel`. */
export type RegionLevel = 'PROVINSI' | 'KABUPATEN' | 'KOTA' | 'KECAMATAN' | 'DESA' | 'KELURAHAN';

/** A region as the contract's `Region` schema has it. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel | string;
  parentCode: string | null;
}

/** Children of a region, or the provinces when `parentCode` is null. */
export type RegionSource = (parentCode: string | null, signal?: AbortSignal) => Promise<Region[]>;

/**
 * A source over a fixed list (offline training, stories, tests).
 *
 * @example
 * ```ts
 * import { sampleRegions } from '@bosv2/ui/fixtures';
 * const source = staticRegionSource(sampleRegions);
 * await source('63.08'); // the 10 kecamatan of Hulu Sungai Utara
 * ```
 */
export function staticRegionSource(regions: readonly Region[], delayMs = 0): RegionSource {
  return async (parentCode) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return regions
      .filter((region) => region.parentCode === parentCode)
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  };
}

/** One page of `listRegions` (`GET /regions`), as the SDK returns its data. */
export interface RegionPageLike {
  items: Region[];
  nextCursor: string | null;
}

/** The query of `listRegions`. */
export interface RegionQuery {
  level?: RegionLevel;
  parentCode?: string;
  cursor?: string;
  limit?: number;
}

/**
 * A source over the API's `listRegions`, following `nextCursor` until the last page.
 *
 * @example
 * ```ts
 * const source = apiRegionSource((query) => client.regions.list(query));
 * ```
 */
export function apiRegionSource(
  list: (query: RegionQuery, signal?: AbortSignal) => Promise<RegionPageLike>,
): RegionSource {
  return async (parentCode, signal) => {
    const items: Region[] = [];
    let cursor: string | undefined;
    // Bounded: a server that never ends its pages must not hang the picker.
    for (let page = 0; page < 50; page += 1) {
      const query: RegionQuery = parentCode
        ? { parentCode, limit: 100 }
        : { level: 'PROVINSI', limit: 100 };
      if (cursor) query.cursor = cursor;
      const result = await list(query, signal);
      items.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return items;
  };
}

/** The codes of a region and its ancestors: `63.08.05.1002` → `['63', '63.08', '63.08.05', '63.08.05.1002']`. */
export function regionChain(code: string | null | undefined): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}
