import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import {
  type DownscaledImage,
  type DownscaleImageOptions,
  downscaleImage,
  formatBytes,
} from './downscale.js';
import { ErrorMessage } from './Field.js';

export {
  computeDownscale,
  type DownscaledImage,
  type DownscaleImageOptions,
  type DownscaleOptions,
  type DownscaleSize,
  downscaleImage,
  formatBytes,
} from './downscale.js';

/** Props of {@link PhotoCapture}. */
export interface PhotoCaptureProps {
  id?: string;
  /** The photo chosen so far (downscaled), or null. */
  value: DownscaledImage | null;
  onChange: (photo: DownscaledImage | null) => void;
  label?: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
  options?: DownscaleImageOptions;
  /** The most bytes accepted after downscaling (the API takes 5 MB). */
  maxBytes?: number;
  /** Replaces {@link downscaleImage} (tests, or a worker-based version). */
  downscale?: (file: File, options: DownscaleImageOptions) => Promise<DownscaledImage>;
  /** Show the processing state (e.g. while an upload runs). */
  busy?: boolean;
  locale?: Locale;
}

/**
 * Take a photo with the camera or choose one, downscaled on the phone before upload, with a
 * preview. A styled native file input: it opens the camera on phones (`capture`) and stays
 * keyboard and screen-reader friendly.
 *
 * @example
 * ```tsx
 * <PhotoCapture value={photo} onChange={setPhoto} />
 * ```
 */
export function PhotoCapture({
  id,
  value,
  onChange,
  label,
  hint,
  error,
  optional = true,
  options,
  maxBytes = 5 * 1024 * 1024,
  downscale = downscaleImage,
  busy,
  locale,
}: PhotoCaptureProps) {
  const { t, locale: current } = useI18n(locale);
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const inputId = id ?? `bos-photo${generated}`;
  const [processing, setProcessing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!value || typeof URL.createObjectURL !== 'function') {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(value.blob);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [value]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (!file.type.startsWith('image/')) {
      setProblem(t('photo.notImage'));
      return;
    }
    setProcessing(true);
    try {
      const photo = await downscale(file, options ?? {});
      if (photo.blob.size > maxBytes) {
        setProblem(t('photo.tooLarge', { max: formatBytes(maxBytes, current) }));
        return;
      }
      onChange(photo);
    } catch {
      setProblem(t('photo.failed'));
    } finally {
      setProcessing(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const shownError = error ?? problem ?? undefined;
  const hintId = `${inputId}-hint`;
  const errorId = shownError ? `${inputId}-error` : undefined;
  const statusId = `${inputId}-status`;
  const working = processing || busy;

  return (
    <div className={`bos-field bos-photo${shownError ? ' bos-field--error' : ''}`}>
      <label className="bos-label" htmlFor={inputId}>
        {label ?? t('photo.label')}
        {optional ? <span className="bos-optional"> {t('form.optional')}</span> : null}
      </label>
      <div id={hintId} className="bos-hint">
        {hint ?? t('photo.hint')}
      </div>
      {shownError ? (
        <ErrorMessage id={errorId} locale={locale}>
          {shownError}
        </ErrorMessage>
      ) : null}
      {value && preview ? (
        <figure className="bos-photo__preview">
          <img src={preview} alt={t('photo.preview')} width={value.width} height={value.height} />
          <figcaption className="bos-hint">
            {t('photo.sizes', {
              width: value.width,
              height: value.height,
              size: formatBytes(value.blob.size, current),
              original: formatBytes(value.originalBytes, current),
            })}
          </figcaption>
        </figure>
      ) : null}
      <p id={statusId} className="bos-body" aria-live="polite">
        {working ? t('photo.processing') : ''}
      </p>
      <div className="bos-photo__actions">
        <span className="bos-file">
          <span className="bos-button bos-button--secondary" aria-hidden="true">
            {value ? t('photo.change') : t('photo.choose')}
          </span>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            className="bos-file__input"
            disabled={working}
            aria-describedby={[hintId, errorId, statusId].filter(Boolean).join(' ')}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => void onFile(event.target.files?.[0])}
          />
        </span>
        {value ? (
          <button
            type="button"
            className="bos-button bos-button--warning-secondary"
            onClick={() => onChange(null)}
          >
            {t('photo.remove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
