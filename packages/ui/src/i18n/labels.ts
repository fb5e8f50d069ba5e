import type { Locale } from './messages.js';

/** A text in both languages of the kit. */
export interface Bilingual {
  id: string;
  en: string;
}

const b = (id: string, en: string): Bilingual => ({ id, en });

/**
 * Labels of the contract's enum values (domain words stay Indonesian in the data; the screen
 * shows them in words). Values missing here are shown humanised (`KURANG_AKTIF` → "Kurang aktif").
 */
export const enumLabels: Record<string, Bilingual> = {
  // Activity types
  DDS_WARGA: b('DDS warga (kunjungan rumah)', 'DDS household visit'),
  DDS_TEMPAT_USAHA: b('DDS tempat usaha', 'DDS business visit'),
  DDS_SEKOLAH: b('DDS sekolah', 'DDS school visit'),
  DDS_KANTOR: b('DDS kantor', 'DDS office visit'),
  DDS_INDEKOS: b('DDS indekos', 'DDS boarding-house visit'),
  DETEKSI_DINI: b('Deteksi dini', 'Early detection'),
  PS_SENGKETA: b('Problem solving sengketa', 'Problem solving: dispute'),
  PS_NON_SENGKETA: b('Problem solving non-sengketa', 'Problem solving: non-dispute'),
  PS_EKSEKUTIF: b('Problem solving eksekutif', 'Problem solving: escalated'),
  LAYANAN_KEPOLISIAN: b('Layanan kepolisian', 'Police service'),
  GIAT_DESA: b('Giat desa', 'Village activity'),
  BINA_KOMUNITAS: b('Bina komunitas', 'Community guidance'),
  BINA_SISKAMLING: b('Bina siskamling', 'Neighbourhood watch guidance'),
  BINLUH: b('Binluh (pembinaan dan penyuluhan)', 'Counselling (binluh)'),
  FKPM: b('FKPM (forum kemitraan polisi-masyarakat)', 'Police–community forum (FKPM)'),
  PROGRAM_POLRI: b('Program Polri', 'Police programme'),
  PROGRAM_PEMERINTAH: b('Program pemerintah', 'Government programme'),
  INSIDENTIL: b('Kegiatan insidentil', 'Incidental duty'),
  KONTINJENSI: b('Kontinjensi', 'Contingency duty'),
  // Sex and religion
  L: b('Laki-laki', 'Male'),
  P: b('Perempuan', 'Female'),
  ISLAM: b('Islam', 'Islam'),
  KRISTEN: b('Kristen', 'Protestant'),
  KATOLIK: b('Katolik', 'Catholic'),
  HINDU: b('Hindu', 'Hindu'),
  BUDDHA: b('Buddha', 'Buddhist'),
  KONGHUCU: b('Konghucu', 'Confucian'),
  KEPERCAYAAN: b('Kepercayaan', 'Indigenous faith'),
  // Household relations
  KEPALA_KELUARGA: b('Kepala keluarga', 'Head of household'),
  ISTRI: b('Istri', 'Wife'),
  SUAMI: b('Suami', 'Husband'),
  ANAK: b('Anak', 'Child'),
  ORANG_TUA: b('Orang tua', 'Parent'),
  SAUDARA: b('Saudara', 'Sibling'),
  CUCU: b('Cucu', 'Grandchild'),
  LAINNYA: b('Lainnya', 'Other'),
  // Opinions and information
  KELUHAN: b('Keluhan', 'Complaint'),
  HARAPAN: b('Harapan', 'Hope'),
  INFORMASI: b('Informasi', 'Information'),
  POLITIK: b('Politik', 'Politics'),
  EKONOMI: b('Ekonomi', 'Economy'),
  SOSBUD: b('Sosial budaya', 'Social and cultural'),
  KEAMANAN: b('Keamanan', 'Security'),
  WAWANCARA: b('Wawancara', 'Interview'),
  PENGAMATAN: b('Pengamatan', 'Observation'),
  PENGGALANGAN: b('Penggalangan', 'Cultivating a source'),
  LAPORAN_WARGA: b('Laporan warga', "Resident's report"),
  MEDIA_SOSIAL: b('Media sosial', 'Social media'),
  DOKUMEN: b('Dokumen', 'Document'),
  SEGERA: b('Segera', 'Immediate'),
  PENTING: b('Penting', 'Important'),
  BIASA: b('Biasa', 'Routine'),
  SEKALI: b('Sekali', 'Once'),
  BERULANG: b('Berulang', 'Recurring'),
  SERING: b('Sering', 'Frequent'),
  POTENSI_GANGGUAN: b('Potensi gangguan', 'Potential disturbance'),
  AMBANG_GANGGUAN: b('Ambang gangguan', 'Threshold of disturbance'),
  GANGGUAN_NYATA: b('Gangguan nyata', 'Actual disturbance'),
  // Kamtibmas categories
  NARKOBA: b('Narkoba', 'Narcotics'),
  KENAKALAN_REMAJA: b('Kenakalan remaja', 'Juvenile delinquency'),
  INTOLERANSI_RADIKALISME_TERORISME: b(
    'Intoleransi, radikalisme, terorisme',
    'Intolerance, radicalism, terrorism',
  ),
  PELECEHAN_SEKSUAL: b('Pelecehan seksual', 'Sexual harassment'),
  PINJOL_ILEGAL: b('Pinjaman online ilegal', 'Illegal online loans'),
  PERDAGANGAN_ORANG: b('Perdagangan orang', 'Human trafficking'),
  KEBAKARAN: b('Kebakaran', 'Fire'),
  PENCURIAN: b('Pencurian', 'Theft'),
  KECELAKAAN_LALU_LINTAS: b('Kecelakaan lalu lintas', 'Traffic accident'),
  BALAP_LIAR: b('Balap liar', 'Illegal racing'),
  KEKERASAN: b('Kekerasan', 'Violence'),
  KDRT: b('Kekerasan dalam rumah tangga', 'Domestic violence'),
  SENGKETA_TANAH: b('Sengketa tanah', 'Land dispute'),
  // Services and conditions
  PENERIMAAN_LAPORAN: b('Penerimaan laporan', 'Taking a report'),
  KONSULTASI: b('Konsultasi', 'Consultation'),
  SURAT_KETERANGAN: b('Surat keterangan', 'Certificate'),
  PENGAWALAN: b('Pengawalan', 'Escort'),
  BANTUAN_DARURAT: b('Bantuan darurat', 'Emergency help'),
  MEDIASI_RINGAN: b('Mediasi ringan', 'Light mediation'),
  AKTIF: b('Aktif', 'Active'),
  KURANG_AKTIF: b('Kurang aktif', 'Less active'),
  TIDAK_AKTIF: b('Tidak aktif', 'Inactive'),
};

/**
 * Labels of the contract's property names, used by the schema forms when a type's hints do not
 * name the field. A property missing here is shown humanised (`openingHours` → "Opening hours").
 */
export const propertyLabels: Record<string, Bilingual> = {
  type: b('Jenis kegiatan', 'Activity type'),
  date: b('Tanggal', 'Date'),
  time: b('Jam', 'Time'),
  location: b('Lokasi', 'Location'),
  description: b('Uraian', 'Description'),
  details: b('Rincian', 'Details'),
  attachmentIds: b('Foto dan lampiran', 'Photos and attachments'),
  citizenReportId: b('Laporan warga yang ditindaklanjuti', 'Citizen report followed up'),
  name: b('Nama', 'Name'),
  sex: b('Jenis kelamin', 'Sex'),
  birthPlace: b('Tempat lahir', 'Place of birth'),
  birthDate: b('Tanggal lahir', 'Date of birth'),
  religion: b('Agama', 'Religion'),
  occupation: b('Pekerjaan', 'Occupation'),
  phone: b('Nomor HP', 'Mobile number'),
  address: b('Alamat', 'Address'),
  street: b('Jalan dan nomor rumah', 'Street and house number'),
  rt: b('RT', 'RT'),
  rw: b('RW', 'RW'),
  dusun: b('Dusun/lingkungan', 'Hamlet (dusun)'),
  desaCode: b('Desa/Kelurahan', 'Village'),
  point: b('Titik lokasi (GPS)', 'Location point (GPS)'),
  relation: b('Hubungan', 'Relation'),
  position: b('Jabatan', 'Position'),
  headOfHousehold: b('Kepala keluarga', 'Head of household'),
  householdMembers: b('Anggota keluarga', 'Household members'),
  relativeElsewhere: b('Kerabat di luar daerah', 'Relative living elsewhere'),
  receivedBy: b('Penerima kunjungan', 'Who received the visit'),
  visitNumber: b('Kunjungan ke-', 'Visit number'),
  opinions: b('Pendapat warga', "Residents' opinions"),
  kind: b('Jenis', 'Kind'),
  field: b('Bidang', 'Field'),
  text: b('Isi', 'Text'),
  businessName: b('Nama usaha', 'Business name'),
  businessKind: b('Jenis usaha', 'Kind of business'),
  openingHours: b('Jam buka', 'Opening hours'),
  employeeCount: b('Jumlah karyawan', 'Number of employees'),
  responsiblePerson: b('Penanggung jawab', 'Person responsible'),
  securityContact: b('Penanggung jawab keamanan', 'Person responsible for security'),
  notes: b('Catatan', 'Notes'),
  placeName: b('Nama tempat', 'Name of the place'),
  contactPerson: b('Narahubung', 'Contact person'),
  occupants: b('Jumlah penghuni/siswa/pegawai', 'Occupants, pupils or staff'),
  source: b('Sumber informasi', 'Source'),
  obtainedAt: b('Waktu informasi didapat', 'When the information was obtained'),
  obtainedPlace: b('Tempat informasi didapat', 'Where the information was obtained'),
  method: b('Cara mendapatkan', 'How it was obtained'),
  urgency: b('Tingkat urgensi', 'Urgency'),
  frequency: b('Seberapa sering terjadi', 'How often it happens'),
  category: b('Kategori masalah', 'Problem category'),
  level: b('Tingkat gangguan', 'Level of disturbance'),
  partyA: b('Pihak pertama', 'First party'),
  partyB: b('Pihak kedua', 'Second party'),
  witness: b('Saksi', 'Witness'),
  incident: b('Kronologi kejadian', 'What happened'),
  resolution: b('Cara penyelesaian', 'How it was resolved'),
  agreementAttachmentId: b('Surat kesepakatan yang ditandatangani', 'Signed agreement'),
  resolvedOn: b('Tanggal selesai', 'Date resolved'),
  keywords: b('Kata kunci', 'Keywords'),
  problem: b('Uraian masalah', 'The problem'),
  partiesInvolved: b('Pihak yang terlibat', 'Parties involved'),
  solution: b('Penyelesaian', 'Solution'),
  problemField: b('Bidang masalah', 'Field of the problem'),
  escalatedTo: b('Diteruskan kepada', 'Escalated to'),
  official: b('Pejabat', 'Official'),
  unitId: b('Satuan', 'Unit'),
  serviceKind: b('Jenis layanan', 'Kind of service'),
  personServed: b('Warga yang dilayani', 'Person served'),
  outcome: b('Hasil', 'Outcome'),
  eventName: b('Nama kegiatan', 'Event'),
  attendance: b('Jumlah hadir', 'Attendance'),
  messages: b('Pesan kamtibmas yang disampaikan', 'Safety messages given'),
  groupName: b('Nama kelompok/ormas', 'Group or organisation'),
  topic: b('Topik', 'Topic'),
  postName: b('Nama pos kamling', 'Watch post'),
  schedule: b('Jadwal ronda', 'Schedule'),
  participants: b('Jumlah peserta', 'Participants'),
  condition: b('Kondisi pos', 'Condition of the post'),
  audience: b('Sasaran', 'Audience'),
  forumName: b('Nama forum', 'Forum'),
  agenda: b('Agenda', 'Agenda'),
  decisions: b('Keputusan', 'Decisions'),
  programName: b('Nama program', 'Programme'),
  activity: b('Kegiatan', 'Activity'),
  actionTaken: b('Tindakan yang dilakukan', 'Action taken'),
  casualties: b('Jumlah korban', 'Casualties'),
  sourceReliability: b('Keandalan sumber', 'Source reliability'),
  credibility: b('Kebenaran informasi', 'Information credibility'),
  title: b('Judul', 'Title'),
  anonymous: b('Anonim', 'Anonymous'),
  occurredAt: b('Waktu kejadian', 'When it happened'),
  lat: b('Lintang', 'Latitude'),
  lng: b('Bujur', 'Longitude'),
  accuracyM: b('Akurasi (meter)', 'Accuracy (metres)'),
};

/** `KURANG_AKTIF` → "Kurang aktif"; `openingHours` → "Opening hours". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of an enum value in a locale (humanised when the table does not know it). */
export function enumLabel(value: string | number, locale: Locale): string {
  const entry = enumLabels[String(value)];
  return entry ? entry[locale] : humanize(String(value));
}

/** The label of a property name in a locale (humanised when the table does not know it). */
export function propertyLabel(name: string, locale: Locale): string {
  const entry = propertyLabels[name];
  return entry ? entry[locale] : humanize(name);
}
