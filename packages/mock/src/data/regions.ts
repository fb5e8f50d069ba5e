import { HSU_REGIONS } from './regions.gen.js';

export type RegionLevel = 'PROVINSI' | 'KABUPATEN' | 'KOTA' | 'KECAMATAN' | 'DESA' | 'KELURAHAN';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * The region tree of the default region: Kalimantan Selatan → Hulu Sungai Utara → kecamatan →
 * desa. Each region is frozen: reference data never changes, so the engine serializes each once.
 */
export const REGIONS: Region[] = (
  [
    {
      code: HSU_REGIONS.province.code,
      name: HSU_REGIONS.province.name,
      level: 'PROVINSI',
      parentCode: null,
    },
    {
      code: HSU_REGIONS.regency.code,
      name: HSU_REGIONS.regency.name,
      level: 'KABUPATEN',
      parentCode: HSU_REGIONS.province.code,
    },
    ...HSU_REGIONS.kecamatan.map((k) => ({
      code: k.code,
      name: k.name,
      level: 'KECAMATAN' as const,
      parentCode: HSU_REGIONS.regency.code,
    })),
    ...HSU_REGIONS.desa.map((d) => ({
      code: d.code,
      name: d.name,
      level: d.kind,
      parentCode: d.kecamatanCode,
    })),
  ] as Region[]
).map((r) => Object.freeze(r));

export const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** The desa/kelurahan and its kecamatan, or undefined for a code outside the data. */
export function desaInfo(
  code: string,
): { desaName: string; kecamatanName: string; kecamatanCode: string } | undefined {
  const desa = REGION_BY_CODE.get(code);
  if (!desa || (desa.level !== 'DESA' && desa.level !== 'KELURAHAN') || !desa.parentCode)
    return undefined;
  const kec = REGION_BY_CODE.get(desa.parentCode);
  return { desaName: desa.name, kecamatanName: kec?.name ?? '', kecamatanCode: desa.parentCode };
}

export { HSU_REGIONS };
