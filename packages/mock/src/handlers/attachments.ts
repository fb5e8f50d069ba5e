import type { HandlerContext, HandlerMap } from '../engine/context.js';
import { wita } from '../engine/sampler.js';
import type { ResourceRecord, UserRecord } from '../store/types.js';

const COLLECTION = 'attachments';
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const ALL_TYPES = [...PHOTO_TYPES, 'application/pdf'];
const KINDS = ['PHOTO', 'SIGNED_AGREEMENT', 'DOCUMENT'];
const MB = 1024 * 1024;

interface FilePart {
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function load(ctx: HandlerContext): ResourceRecord {
  const rec = ctx.store.collection(COLLECTION)[String(ctx.path.attachmentId)];
  const me = ctx.user as UserRecord;
  if (!rec || !(rec.ownerId === me.id || ctx.store.canSee(me, rec))) return ctx.fail('not-found');
  return rec;
}

/** Uploads (multipart), metadata, content and deletion of attachments, with the contract's limits. */
export function createAttachmentHandlers(): HandlerMap {
  return {
    uploadAttachment: async (ctx) => {
      const form = (ctx.body ?? {}) as Record<string, unknown>;
      const file = form.file as FilePart | string | undefined;
      const errors = [];
      if (!file || typeof file === 'string')
        errors.push({
          field: 'file',
          code: 'required',
          message: ctx.t('Pilih berkas untuk diunggah.', 'Choose a file to upload.'),
        });
      if (typeof form.kind !== 'string' || !KINDS.includes(form.kind)) {
        errors.push({
          field: 'kind',
          code: form.kind === undefined ? 'required' : 'enum',
          message: ctx.t(
            `Harus salah satu dari: ${KINDS.join(', ')}.`,
            `Must be one of: ${KINDS.join(', ')}.`,
          ),
        });
      }
      if (
        form.caption !== undefined &&
        (typeof form.caption !== 'string' || form.caption.length > 300)
      ) {
        errors.push({
          field: 'caption',
          code: 'maxLength',
          message: ctx.t('Maksimal 300 karakter.', 'At most 300 characters.'),
        });
      }
      if (file && typeof file !== 'string' && file.size === 0)
        errors.push({
          field: 'file',
          code: 'minLength',
          message: ctx.t('Berkas kosong.', 'The file is empty.'),
        });
      if (errors.length)
        ctx.fail('validation-failed', {
          errors,
          detail: ctx.t(
            `${errors.length} isian perlu diperbaiki.`,
            `${errors.length} fields need fixing.`,
          ),
        });
      const part = file as FilePart;
      const kind = form.kind as string;
      const type = part.type.split(';')[0]?.trim().toLowerCase() ?? '';
      const allowed = kind === 'PHOTO' ? PHOTO_TYPES : ALL_TYPES;
      if (!allowed.includes(type)) {
        ctx.fail('unsupported-media-type', {
          detail: ctx.t(
            `Jenis berkas ${type || '(kosong)'} tidak diterima; gunakan ${allowed.join(', ')}.`,
            `File type ${type || '(none)'} is not accepted; use ${allowed.join(', ')}.`,
          ),
        });
      }
      const limit = kind === 'PHOTO' ? 5 * MB : 10 * MB;
      if (part.size > limit)
        ctx.fail('payload-too-large', {
          detail: ctx.t(`Maksimal ${limit / MB} MB.`, `At most ${limit / MB} MB.`),
        });
      const me = ctx.user as UserRecord;
      const id = ctx.uuid();
      const data = {
        id,
        kind,
        fileName: part.name || 'berkas',
        contentType: type,
        sizeBytes: part.size,
        sha256: await sha256(part.bytes),
        caption: typeof form.caption === 'string' ? form.caption : null,
        createdAt: wita(new Date(ctx.now())),
        url: `/attachments/${id}/content`,
      };
      ctx.store.put(COLLECTION, {
        id,
        version: 1,
        ownerId: me.id,
        unitId: me.unitId ?? null,
        data,
        blob: toBase64(part.bytes),
      });
      return {
        status: 201,
        body: data,
        headers: { location: `${ctx.basePath}/attachments/${id}` },
      };
    },

    getAttachment: (ctx) => ({ status: 200, body: load(ctx).data }),

    getAttachmentContent: (ctx) => {
      const rec = load(ctx);
      return {
        status: 200,
        body: fromBase64(rec.blob ?? ''),
        headers: { 'content-type': String(rec.data.contentType) },
      };
    },

    deleteAttachment: (ctx) => {
      const rec = load(ctx);
      if (rec.ownerId !== ctx.user?.id) ctx.fail('forbidden');
      for (const name of ['activities', 'citizenReports']) {
        const used = Object.values(ctx.store.collection(name)).some(
          (r) =>
            Array.isArray(r.data.attachmentIds) &&
            r.data.attachmentIds.includes(rec.id) &&
            r.data.status !== 'DRAFT' &&
            r.data.status !== 'RETURNED',
        );
        if (used)
          ctx.fail('invalid-state', {
            detail: ctx.t(
              'Lampiran dipakai laporan yang sudah dikirim.',
              'A submitted report uses this attachment.',
            ),
          });
      }
      delete ctx.store.collection(COLLECTION)[rec.id];
      return { status: 204 };
    },
  };
}
