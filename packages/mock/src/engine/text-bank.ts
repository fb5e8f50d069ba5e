/** Indonesian words and sentences for simulated reports (all synthetic). */
export const OCCUPATIONS = [
  'Petani',
  'Pedagang',
  'Nelayan',
  'Guru',
  'PNS',
  'Wiraswasta',
  'Buruh harian',
  'Peternak itik',
  'Pengrajin anyaman',
  'Ibu rumah tangga',
  'Sopir',
  'Karyawan swasta',
];
export const RANKS_BINTARA = ['BRIPDA', 'BRIPTU', 'BRIGPOL', 'BRIPKA', 'AIPDA', 'AIPTU'];
export const RANKS_PERWIRA = ['IPDA', 'IPTU', 'AKP', 'KOMPOL', 'AKBP', 'KOMBES'];
export const BIRTH_PLACES = [
  'Amuntai',
  'Alabio',
  'Barabai',
  'Kandangan',
  'Banjarmasin',
  'Martapura',
  'Tanjung',
  'Rantau',
  'Paringin',
  'Kelua',
];
export const KEYWORDS = [
  'narkoba',
  'remaja',
  'malam hari',
  'pencurian',
  'sepeda motor',
  'balap liar',
  'kebakaran lahan',
  'banjir',
  'pinjol ilegal',
  'kdrt',
  'sengketa tanah',
  'batas kebun',
  'ronda',
  'siskamling',
  'penerangan jalan',
  'judi',
  'minuman keras',
  'tawuran',
  'penipuan',
  'hoaks',
  'pilkades',
  'bantuan sosial',
  'dana desa',
  'kerbau rawa',
  'itik alabio',
  'pasar',
  'jembatan',
  'sungai',
  'perahu',
  'musyawarah',
  'mediasi',
  'perdamaian',
  'warung',
  'pemuda',
  'sekolah',
  'anak putus sekolah',
  'stunting',
  'kesehatan',
  'air bersih',
  'listrik',
];
const OPENERS = [
  'Sambang ke rumah warga di RT {rt} RW {rw} Desa {desa}',
  'Kunjungan ke lokasi kegiatan di Desa {desa}',
  'Pertemuan dengan tokoh masyarakat dan aparat Desa {desa}',
  'Penyampaian pesan kamtibmas kepada warga Desa {desa}',
  'Mediasi antara dua warga Desa {desa} di balai desa',
  'Pendataan dan silaturahmi dengan warga di lingkungan RT {rt} Desa {desa}',
];
const MIDDLES = [
  'warga menyampaikan keluhan soal lampu jalan yang padam sejak seminggu sehingga gang rawan pencurian pada malam hari',
  'dibahas maraknya balap liar di jalan desa setiap malam Minggu yang meresahkan pengguna jalan',
  'warga melaporkan adanya tawaran pinjaman online ilegal melalui pesan singkat kepada ibu-ibu',
  'disampaikan bahaya narkoba bagi remaja serta cara melapor bila ada peredaran di lingkungan',
  'kedua pihak sepakat menyelesaikan perselisihan batas kebun secara kekeluargaan disaksikan kepala desa',
  'warga mengeluhkan air sungai yang naik dan mulai menggenangi jalan menuju sekolah',
  'pengurus siskamling menyusun ulang jadwal ronda karena pos kamling jarang dijaga',
  'warga menanyakan syarat pembuatan surat keterangan catatan kepolisian untuk melamar kerja',
];
const CLOSERS = [
  'disarankan mengaktifkan kembali ronda malam dan segera melapor ke Bhabinkamtibmas bila ada kejadian.',
  'akan ditindaklanjuti bersama perangkat desa pada pertemuan minggu depan.',
  'warga diimbau tidak mudah percaya tawaran pinjaman dan menyimpan nomor pengaduan Polsek.',
  'situasi aman dan kondusif, warga berterima kasih atas kehadiran polisi di tengah masyarakat.',
  'hasil kesepakatan dituangkan dalam surat pernyataan yang ditandatangani kedua pihak.',
];

export interface TextPick {
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
}

/** A plausible report description (uraian) of at least `min` characters. */
export function uraian(rng: TextPick, min = 50, max = 5000, vars: { desa?: string } = {}): string {
  const fill = (s: string) =>
    s
      .replace('{rt}', String(rng.int(1, 12)).padStart(2, '0'))
      .replace('{rw}', String(rng.int(1, 6)).padStart(2, '0'))
      .replace('{desa}', vars.desa ?? 'Murung Sari');
  let text = `${fill(rng.pick(OPENERS))}, ${rng.pick(MIDDLES)}; ${rng.pick(CLOSERS)}`;
  while (text.length < min) text += ` ${rng.pick(CLOSERS)}`;
  if (text.length > max) text = text.slice(0, max);
  return text;
}

/** A short Indonesian phrase of length within [min, max]. */
export function phrase(rng: TextPick, min: number, max: number): string {
  let text = rng.pick(MIDDLES);
  while (text.length < min) text += ` ${rng.pick(MIDDLES)}`;
  return text
    .slice(0, Math.max(min, Math.min(max, text.length)))
    .trim()
    .padEnd(min, '.');
}
