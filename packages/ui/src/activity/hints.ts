/**
 * Layout hints for the activity forms: what the contract's schemas cannot say about a screen.
 * A type missing here still gets a working form (the default sections, labels from the
 * property-label table or the humanised property name); a hint only makes it better.
 */
import type { Bilingual } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/messages.js';

/** How one field is drawn; without a widget the schema decides (see `SchemaForm`). */
export type WidgetName =
  | 'hidden'
  | 'text'
  | 'textarea'
  | 'uraian'
  | 'radios'
  | 'select'
  | 'keywords'
  | 'person'
  | 'household'
  | 'location'
  | 'geopoint'
  | 'photos'
  | 'attachment'
  | 'receivedBy'
  | 'grading';

/** Hints for one field, by its dotted path (`details.headOfHousehold`). */
export interface FieldHint {
  label?: Bilingual;
  hint?: Bilingual;
  widget?: WidgetName;
  /** The order of an object's properties (names); those not listed follow in schema order. */
  order?: string[];
}

/** A part of a form (titled, or not) and the paths it draws. */
export interface FormSection {
  title?: MessageKey | Bilingual;
  paths: string[];
}

/** Hints for one activity type. */
export interface TypeHints {
  /** Replaces the default sections. */
  sections?: FormSection[];
  fields?: Record<string, FieldHint>;
}

const b = (id: string, en: string): Bilingual => ({ id, en });

/** The sections every type gets unless its hints say otherwise. */
export const defaultSections: FormSection[] = [
  { title: 'activity.section.when', paths: ['date', 'time', 'location'] },
  { title: 'activity.section.details', paths: ['details'] },
  { title: 'activity.section.description', paths: ['description', 'attachmentIds'] },
];

/** Hints shared by every type (the fields of `ActivityCommon`). */
export const commonHints: Record<string, FieldHint> = {
  type: { widget: 'hidden' },
  citizenReportId: { widget: 'hidden' },
  date: { label: b('Tanggal kegiatan', 'Date of the activity') },
  time: {
    label: b('Jam kegiatan', 'Time of the activity'),
    hint: b('Contoh: 09:30', 'For example: 09:30'),
  },
  location: { widget: 'location', order: ['desaCode', 'rt', 'rw', 'dusun', 'address', 'point'] },
  'location.address': { label: b('Alamat atau patokan', 'Address or landmark') },
  'location.point': { widget: 'geopoint' },
  description: { widget: 'uraian' },
  attachmentIds: { widget: 'photos' },
};

const keywordsHint: FieldHint = {
  widget: 'keywords',
  hint: b(
    'Minimal 5 kata kunci: jenis masalah, tempat, pihak, waktu. Contoh: sengketa, batas kebun, mediasi.',
    'At least 5 keywords: kind of problem, place, parties, time. For example: sengketa, batas kebun, mediasi.',
  ),
};

const partiesHint: FieldHint = {
  hint: b(
    'Satu nama per baris, misalnya "Kepala Desa Palampitan".',
    'One name per line, e.g. "Kepala Desa Palampitan".',
  ),
};

/** The hints table, by activity type. */
export const activityHints: Record<string, TypeHints> = {
  DDS_WARGA: {
    // Long form, so it is split the way the visit goes: who lives here, who opened the door,
    // what they said, then the account of the visit.
    sections: [
      {
        title: 'activity.section.visit',
        paths: ['date', 'time', 'details.visitNumber', 'location'],
      },
      { title: 'activity.section.head', paths: ['details.headOfHousehold'] },
      { title: 'activity.section.household', paths: ['details.householdMembers'] },
      { title: 'activity.section.received', paths: ['details.receivedBy'] },
      { title: 'activity.section.opinions', paths: ['details.opinions'] },
      { title: 'activity.section.relative', paths: ['details.relativeElsewhere'] },
      { title: 'activity.section.description', paths: ['description', 'attachmentIds', 'details'] },
    ],
    fields: {
      'details.headOfHousehold': {
        widget: 'person',
        label: b('Kepala keluarga', 'Head of household'),
      },
      'details.householdMembers': { widget: 'household' },
      'details.receivedBy': { widget: 'receivedBy' },
      'details.visitNumber': {
        hint: b('Kunjungan pertama ke rumah ini = 1.', 'First visit to this household = 1.'),
      },
      'details.opinions': {
        label: b('Pendapat warga', "Residents' opinions"),
        hint: b(
          'Catat keluhan, harapan atau informasi yang disampaikan, satu per butir.',
          'Record each complaint, hope or piece of information as its own item.',
        ),
        order: ['kind', 'field', 'text'],
      },
      'details.opinions.text': {
        widget: 'textarea',
        label: b('Yang disampaikan', 'What was said'),
      },
      'details.relativeElsewhere': {
        label: b('Kerabat di luar daerah', 'Relative living elsewhere'),
        hint: b(
          'Isi jika ada keluarga yang tinggal di luar daerah.',
          'Fill in if family lives elsewhere.',
        ),
      },
    },
  },
  DDS_TEMPAT_USAHA: {
    fields: {
      'details.businessKind': {
        hint: b(
          'Contoh: warung, toko emas, penggilingan padi.',
          'E.g. shop, gold shop, rice mill.',
        ),
      },
      'details.openingHours': { hint: b('Contoh: 07.00–21.00', 'For example: 07:00–21:00') },
      'details.notes': { widget: 'textarea' },
    },
  },
  DDS_SEKOLAH: {
    fields: {
      'details.placeName': { label: b('Nama sekolah', 'School') },
      'details.notes': { widget: 'textarea' },
    },
  },
  DDS_KANTOR: {
    fields: {
      'details.placeName': { label: b('Nama kantor', 'Office') },
      'details.notes': { widget: 'textarea' },
    },
  },
  DDS_INDEKOS: {
    fields: {
      'details.placeName': { label: b('Nama indekos', 'Boarding house') },
      'details.notes': { widget: 'textarea' },
    },
  },
  DETEKSI_DINI: {
    fields: {
      details: {
        order: [
          'source',
          'obtainedAt',
          'obtainedPlace',
          'point',
          'method',
          'field',
          'category',
          'level',
          'urgency',
          'frequency',
        ],
      },
      'details.source': { label: b('Narasumber', 'Source (person)') },
      'details.point': { widget: 'geopoint' },
    },
  },
  PS_SENGKETA: {
    fields: {
      details: {
        order: [
          'category',
          'source',
          'partyA',
          'partyB',
          'witness',
          'incident',
          'resolution',
          'resolvedOn',
          'agreementAttachmentId',
          'keywords',
        ],
      },
      'details.incident': { widget: 'uraian' },
      'details.resolution': { widget: 'uraian' },
      'details.agreementAttachmentId': { widget: 'attachment' },
      'details.keywords': keywordsHint,
    },
  },
  PS_NON_SENGKETA: {
    fields: {
      details: {
        order: [
          'category',
          'source',
          'problem',
          'partiesInvolved',
          'solution',
          'resolvedOn',
          'keywords',
        ],
      },
      'details.partiesInvolved': partiesHint,
      'details.keywords': keywordsHint,
    },
  },
  PS_EKSEKUTIF: {
    fields: {
      details: {
        order: [
          'category',
          'problemField',
          'source',
          'problem',
          'partiesInvolved',
          'escalatedTo',
          'solution',
          'resolvedOn',
          'keywords',
        ],
      },
      'details.partiesInvolved': partiesHint,
      'details.escalatedTo.unitId': { widget: 'hidden' },
      'details.escalatedTo.official': {
        hint: b('Contoh: Camat Amuntai Tengah.', 'E.g. Camat Amuntai Tengah.'),
      },
      'details.solution': { widget: 'textarea' },
      'details.keywords': keywordsHint,
    },
  },
  LAYANAN_KEPOLISIAN: { fields: { 'details.outcome': { widget: 'textarea' } } },
  GIAT_DESA: {
    fields: {
      'details.eventName': {
        hint: b('Contoh: musyawarah desa, gotong royong.', 'E.g. village meeting, gotong royong.'),
      },
      'details.messages': { widget: 'textarea' },
    },
  },
  BINA_SISKAMLING: {
    fields: {
      'details.schedule': {
        hint: b(
          'Contoh: setiap malam, dua regu bergantian.',
          'E.g. every night, two teams taking turns.',
        ),
      },
    },
  },
  FKPM: {
    fields: {
      'details.agenda': { widget: 'textarea' },
      'details.decisions': { widget: 'textarea' },
    },
  },
  PROGRAM_POLRI: {
    fields: {
      'details.activity': { widget: 'textarea' },
      'details.outcome': { widget: 'textarea' },
    },
  },
  PROGRAM_PEMERINTAH: {
    fields: {
      'details.activity': { widget: 'textarea' },
      'details.outcome': { widget: 'textarea' },
    },
  },
  INSIDENTIL: { fields: { 'details.actionTaken': { widget: 'textarea' } } },
  KONTINJENSI: { fields: { 'details.actionTaken': { widget: 'textarea' } } },
};

/** Merges the hints of a type over the common ones (the type's win). */
export function hintsFor(
  type: string,
  table: Record<string, TypeHints> = activityHints,
): Required<TypeHints> {
  const own = table[type] ?? {};
  return {
    sections: own.sections ?? defaultSections,
    fields: { ...commonHints, ...own.fields },
  };
}

/**
 * Hints for the contract's other request bodies, by schema name, for {@link ContractForm}.
 * Information reports use the grading picker for reliability and credibility together.
 */
export const formHints: Record<string, TypeHints> = {
  InformationReportInput: {
    sections: [
      {
        title: 'information.section.what',
        paths: ['field', 'category', 'level', 'description', 'keywords'],
      },
      { title: 'information.section.source', paths: ['method', 'sourceReliability', 'obtainedAt'] },
      { title: 'information.section.where', paths: ['location'] },
    ],
    fields: {
      origin: { widget: 'hidden' },
      sourceReliability: { widget: 'grading' },
      credibility: { widget: 'hidden' },
      keywords: {
        hint: b(
          'Minimal 1 kata kunci, misalnya: pencurian, sepeda motor.',
          'At least 1 keyword, e.g. theft, motorbike.',
        ),
      },
    },
  },
  CitizenReportInput: {
    sections: [
      { title: 'citizen.section.what', paths: ['title', 'category', 'description', 'occurredAt'] },
      { title: 'information.section.where', paths: ['location'] },
      { title: 'citizen.section.more', paths: ['attachmentIds', 'anonymous'] },
    ],
    fields: {
      title: {
        label: b('Judul laporan', 'Title'),
        hint: b(
          'Contoh: Balap liar setiap malam Minggu',
          'E.g. Illegal racing every Saturday night',
        ),
      },
      occurredAt: { label: b('Kapan terjadi', 'When it happened') },
      anonymous: {
        label: b('Sembunyikan nama saya dari petugas', 'Hide my name from the officer'),
        hint: b(
          'Laporan tetap tercatat di akun Anda.',
          'The report still belongs to your account.',
        ),
      },
    },
  },
};
