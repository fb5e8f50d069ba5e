import { enumLabel } from '@bosv2/ui';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/context.js';

export interface UploadFormProps {
  /** The attachment kinds of the contract (`AttachmentKind`). */
  kinds: readonly string[];
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
  onSubmit(
    input: { file: string; kind: string; caption?: string },
    file: File,
  ): void | Promise<void>;
}

/**
 * The attachment step (a photo or the signed agreement): kind, file, caption. The file never
 * leaves the device. In guided mode "show me" names a sample file, made on the device.
 */
export function UploadForm({ kinds, defaultValue, submitLabel, onSubmit }: UploadFormProps) {
  const { t, locale } = useI18n();
  const ids = useId();
  const sample = typeof defaultValue?.file === 'string' ? defaultValue.file : null;
  const [kind, setKind] = useState(typeof defaultValue?.kind === 'string' ? defaultValue.kind : '');
  const [caption, setCaption] = useState(
    typeof defaultValue?.caption === 'string' ? defaultValue.caption : '',
  );
  const [file, setFile] = useState<File | null>(() =>
    sample
      ? new File([`Contoh berkas latihan: ${sample}`], sample, { type: 'application/pdf' })
      : null,
  );
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !kind) {
      setError(t('upload.missing'));
      return;
    }
    setError('');
    await onSubmit({ file: file.name, kind, ...(caption ? { caption } : {}) }, file);
  };
  return (
    <form className="bos-form" noValidate onSubmit={(event) => void submit(event)}>
      {error ? (
        <p className="note note-warn" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-kind`}>{t('upload.kind')}</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          data-testid="upload-kind"
        >
          <option value="">{t('upload.choose')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {enumLabel(k, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-file`}>{t('upload.file')}</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="upload-file"
        />
        {file ? <p className="hint">{t('upload.chosen', { name: file.name })}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-caption`}>{t('upload.caption')}</label>
        <input
          id={`${ids}-caption`}
          type="text"
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
        />
      </div>
      <button type="submit" className="button" data-testid="entry-submit">
        {submitLabel}
      </button>
    </form>
  );
}
