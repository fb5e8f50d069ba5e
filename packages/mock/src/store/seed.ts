import type { Faker } from '@faker-js/faker';
import { HSU_REGIONS } from '../data/regions.gen.js';
import { createPrng, hash32, prngUuid } from '../engine/prng.js';
import { RANKS_BINTARA } from '../engine/text-bank.js';
import { STATIC_FAKER } from '../preload.js';
import type { StoreState, UnitRecord, UserRecord } from './types.js';

/** The demo accounts, the same for every seed (documented in the README). */
export const DEMO_PASSWORD = 'latihan-bos-v2';
export const DEMO_ACCOUNTS = {
  officer: {
    nrp: '85061234',
    password: DEMO_PASSWORD,
    id: '0b8e4d3c-1f2a-4b5c-9d6e-7f8a9b0c1d2e',
    name: 'Rahmat Hidayat',
  },
  unassignedOfficer: {
    nrp: '96010001',
    password: DEMO_PASSWORD,
    id: '1c9f5e4d-2a3b-4c6d-8e7f-9a0b1c2d3e4f',
    name: 'Dimas Saputra',
  },
  supervisor: {
    nrp: '75030001',
    password: DEMO_PASSWORD,
    id: '2d0a6f5e-3b4c-4d7e-9f8a-0b1c2d3e4f5a',
    name: 'Hendra Wijaya',
  },
  kasatBinmas: {
    nrp: '72010001',
    password: DEMO_PASSWORD,
    id: '3e1b7a6f-4c5d-4e8f-8a9b-1c2d3e4f5a6b',
    name: 'Bambang Sutrisno',
  },
  trainer: {
    nrp: '80020001',
    password: DEMO_PASSWORD,
    id: '4f2c8b7a-5d6e-4f9a-9b0c-2d3e4f5a6b7c',
    name: 'Yuliana Rahmawati',
  },
  admin: {
    nrp: '70010001',
    password: DEMO_PASSWORD,
    id: '5a3d9c8b-6e7f-4a0b-8c1d-3e4f5a6b7c8d',
    name: 'Operator Polres',
  },
  citizen: {
    email: 'siti.aminah@contoh.id',
    password: 'rahasia-siti-2026',
    id: '7e6d5c4b-3a29-4180-9f6e-5d4c3b2a1908',
    name: 'Siti Aminah',
  },
} as const;

export const UNIT_IDS = {
  mabes: '2a190706-0504-4d3c-9a29-180706050403',
  polda: '3a291807-0605-4e4d-8b3a-291807060504',
  polres: '4b3a2918-0706-4f5e-8c4b-3a2918070605',
  polsekAmuntaiTengah: '5c4b3a29-1807-4f6e-8d5c-4b3a29180706',
} as const;

/** Murung Sari, Amuntai Tengah: the demo officer's desa (Sat Binmas sits here too). */
export const DEMO_DESA = '63.08.05.1002';
const AMUNTAI_TENGAH = '63.08.05';

/** The date seeded history ends on (fixed, so a seed gives the same data every day). */
export const DEFAULT_REFERENCE_DATE = '2026-11-20T10:00:00+08:00';

let baseFaker: Faker | null = STATIC_FAKER;

/** Is faker loaded (always in the library; in the CLI after its first answer)? */
export function fakerLoaded(): boolean {
  return baseFaker !== null;
}

/** Loads faker's id_ID locale (a no-op when loaded). */
export async function loadFaker(): Promise<void> {
  // The id_ID entry loads one locale (id_ID with en and base fallbacks), not all of them.
  baseFaker ??= (await import('@faker-js/faker/locale/id_ID')).faker;
}

export function createFaker(seed: number): Faker {
  if (!baseFaker) throw new Error('faker is not loaded yet: await loadFaker() first');
  const FakerClass = baseFaker.constructor as new (options: {
    locale: Faker['rawDefinitions'];
  }) => Faker;
  const faker = new FakerClass({ locale: baseFaker.rawDefinitions });
  faker.seed(seed);
  return faker;
}

let shared: Faker | undefined;

/**
 * The same values as `createFaker(seed)` without building a Faker (its locale tables) per
 * call: one instance, seeded again on every call. Use it synchronously only; the next call
 * reseeds it (the generic handler and `Prefer` sample a whole answer before returning).
 */
export function reseededFaker(seed: number): Faker {
  shared ??= createFaker(seed);
  shared.seed(seed);
  return shared;
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z ]/g, '')
    .trim();

/** Builds the units and people of the default region, deterministically for `seed`. */
export function seedState(seed: number): StoreState {
  const faker = createFaker(hash32(`people:${seed}`));
  const rng = createPrng(hash32(`ids:${seed}`));
  const id = () => prngUuid(rng);
  const units: Record<string, UnitRecord> = {};
  const users: Record<string, UserRecord> = {};
  const addUnit = (u: UnitRecord) => {
    units[u.id] = u;
  };
  addUnit({
    id: UNIT_IDS.mabes,
    name: 'Mabes Polri',
    level: 'MABES',
    parentId: null,
    regionCodes: [],
    address: 'Jl. Trunojoyo No. 3, Kebayoran Baru, Jakarta Selatan',
  });
  addUnit({
    id: UNIT_IDS.polda,
    name: 'Polda Kalimantan Selatan',
    level: 'POLDA',
    parentId: UNIT_IDS.mabes,
    regionCodes: [HSU_REGIONS.province.code],
    address: 'Jl. S. Parman No. 16, Banjarmasin',
  });
  addUnit({
    id: UNIT_IDS.polres,
    name: `Polres ${HSU_REGIONS.regency.name}`,
    level: 'POLRES',
    parentId: UNIT_IDS.polda,
    regionCodes: [HSU_REGIONS.regency.code],
    address: 'Jl. Basuki Rahmat, Murung Sari, Amuntai Tengah',
  });
  const polsekOf = new Map<string, string>();
  for (const k of HSU_REGIONS.kecamatan) {
    const unitId = k.code === AMUNTAI_TENGAH ? UNIT_IDS.polsekAmuntaiTengah : id();
    polsekOf.set(k.code, unitId);
    addUnit({
      id: unitId,
      name: `Polsek ${k.name}`,
      level: 'POLSEK',
      parentId: UNIT_IDS.polres,
      regionCodes: [k.code],
      address: `Jl. ${faker.location.street()}, ${k.name}`,
    });
  }

  const usedNrp = new Set<string>(
    Object.values(DEMO_ACCOUNTS).flatMap((a) => ('nrp' in a ? [a.nrp] : [])),
  );
  const nrp = (yearFrom: number, yearTo: number) => {
    for (;;) {
      const n = `${rng.int(yearFrom, yearTo)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`;
      if (!usedNrp.has(n)) {
        usedNrp.add(n);
        return n;
      }
    }
  };
  const phone = () => `08${rng.int(11, 59)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const since = () =>
    `20${rng.int(22, 25)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const person = (sex?: 'male' | 'female') =>
    ascii(`${faker.person.firstName(sex)} ${faker.person.lastName(sex)}`) || 'Ahmad Fauzi';
  const addUser = (
    u: Omit<UserRecord, 'assignmentsVersion' | 'assignments'> &
      Partial<Pick<UserRecord, 'assignments'>>,
  ) => {
    users[u.id] = { assignments: [], assignmentsVersion: 1, ...u };
  };

  // Officers: one Bhabinkamtibmas for every two or three desa of each kecamatan.
  for (const k of HSU_REGIONS.kecamatan) {
    const desa = HSU_REGIONS.desa.filter((d) => d.kecamatanCode === k.code);
    const unitId = polsekOf.get(k.code) as string;
    for (let i = 0; i < desa.length; ) {
      const size = Math.min(desa.length - i, rng.int(2, 3));
      const group = desa.slice(i, i + size);
      i += size;
      const isDemo = group.some((d) => d.code === DEMO_DESA);
      // The demo officer's first desa is Murung Sari (the contract's examples).
      if (isDemo) group.sort((a, b) => (a.code === DEMO_DESA ? -1 : b.code === DEMO_DESA ? 1 : 0));
      const name = isDemo ? DEMO_ACCOUNTS.officer.name : person();
      const rank = isDemo ? 'BRIPKA' : rng.pick(RANKS_BINTARA);
      addUser({
        id: isDemo ? DEMO_ACCOUNTS.officer.id : id(),
        role: 'bhabinkamtibmas',
        name,
        password: DEMO_PASSWORD,
        nrp: isDemo ? DEMO_ACCOUNTS.officer.nrp : nrp(82, 99),
        rank,
        position: `Bhabinkamtibmas ${group[0]?.kind === 'KELURAHAN' ? 'Kelurahan' : 'Desa'} ${group[0]?.name}`,
        unitId,
        phone: phone(),
        assignments: group.map((d) => ({
          desaCode: d.code,
          since: isDemo ? '2025-01-06' : since(),
        })),
      });
    }
    // The Kanit Binmas of the Polsek.
    const kanit = k.code === AMUNTAI_TENGAH ? DEMO_ACCOUNTS.supervisor : null;
    addUser({
      id: kanit?.id ?? id(),
      role: 'supervisor',
      name: kanit?.name ?? person(),
      password: DEMO_PASSWORD,
      nrp: kanit?.nrp ?? nrp(72, 84),
      rank: rng.pick(['IPDA', 'IPTU']),
      position: `Kanit Binmas Polsek ${k.name}`,
      unitId,
      phone: phone(),
    });
  }
  addUser({
    id: DEMO_ACCOUNTS.unassignedOfficer.id,
    role: 'bhabinkamtibmas',
    name: DEMO_ACCOUNTS.unassignedOfficer.name,
    password: DEMO_PASSWORD,
    nrp: DEMO_ACCOUNTS.unassignedOfficer.nrp,
    rank: 'BRIPDA',
    position: 'Bhabinkamtibmas (belum ada lokasi penugasan)',
    unitId: UNIT_IDS.polsekAmuntaiTengah,
    phone: phone(),
  });
  addUser({
    id: DEMO_ACCOUNTS.kasatBinmas.id,
    role: 'supervisor',
    name: DEMO_ACCOUNTS.kasatBinmas.name,
    password: DEMO_PASSWORD,
    nrp: DEMO_ACCOUNTS.kasatBinmas.nrp,
    rank: 'AKP',
    position: `Kasat Binmas Polres ${HSU_REGIONS.regency.name}`,
    unitId: UNIT_IDS.polres,
    phone: phone(),
  });
  addUser({
    id: id(),
    role: 'supervisor',
    name: person(),
    password: DEMO_PASSWORD,
    nrp: nrp(68, 72),
    rank: 'KOMBES',
    position: 'Dirbinmas Polda Kalimantan Selatan',
    unitId: UNIT_IDS.polda,
    phone: phone(),
  });
  addUser({
    id: DEMO_ACCOUNTS.trainer.id,
    role: 'trainer',
    name: DEMO_ACCOUNTS.trainer.name,
    password: DEMO_PASSWORD,
    nrp: DEMO_ACCOUNTS.trainer.nrp,
    rank: 'AIPTU',
    position: 'Instruktur Binmas',
    unitId: UNIT_IDS.polres,
    phone: phone(),
  });
  addUser({
    id: DEMO_ACCOUNTS.admin.id,
    role: 'admin',
    name: DEMO_ACCOUNTS.admin.name,
    password: DEMO_PASSWORD,
    nrp: DEMO_ACCOUNTS.admin.nrp,
    rank: 'BRIPKA',
    position: 'Operator Sistem',
    unitId: UNIT_IDS.polres,
    phone: phone(),
  });

  // Residents (citizens with an account).
  addUser({
    id: DEMO_ACCOUNTS.citizen.id,
    role: 'citizen',
    name: DEMO_ACCOUNTS.citizen.name,
    password: DEMO_ACCOUNTS.citizen.password,
    email: DEMO_ACCOUNTS.citizen.email,
    phone: '081234567890',
    desaCode: DEMO_DESA,
  });
  const emails = new Set<string>([DEMO_ACCOUNTS.citizen.email]);
  for (let i = 0; i < 40; i++) {
    const sex = rng.int(0, 1) ? 'male' : 'female';
    const name = person(sex);
    let email = `${name.toLowerCase().replace(/\s+/g, '.')}@contoh.id`;
    if (emails.has(email)) email = email.replace('@', `${i}@`);
    emails.add(email);
    addUser({
      id: id(),
      role: 'citizen',
      name,
      password: `rahasia-${rng.int(100000, 999999)}`,
      email,
      phone: phone(),
      desaCode: rng.pick(HSU_REGIONS.desa).code,
    });
  }

  return {
    format: 'bosv2-mock-state@1',
    seed,
    units,
    users,
    sessions: {},
    refreshTokens: {},
    collections: {},
    loginFailures: {},
    idempotency: {},
  };
}
