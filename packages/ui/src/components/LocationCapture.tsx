import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import { ErrorMessage } from './Field.js';

/** The contract's `GeoPoint`. */
export interface GeoPoint {
  lat: number;
  lng: number;
  accuracyM?: number;
}

/** Why a position could not be had. */
export type LocationFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** An error a position source throws to say why. */
export class LocationError extends Error {
  override readonly name = 'LocationError';
  constructor(readonly reason: LocationFailure) {
    super(`Location failed: ${reason}`);
  }
}

/** Where positions come from: the device, or a simulated one in training. */
export type PositionSource = () => Promise<GeoPoint>;

/**
 * The device's position through `navigator.geolocation`, failures as {@link LocationError}.
 *
 * @example
 * ```ts
 * const point = await devicePosition();
 * ```
 */
export const devicePosition: PositionSource = () =>
  new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new LocationError('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: round(position.coords.latitude),
          lng: round(position.coords.longitude),
          accuracyM: Math.round(position.coords.accuracy),
        }),
      (error) =>
        reject(
          new LocationError(
            error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable',
          ),
        ),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  });

/**
 * A position source for training: always the same point (by default Sat Binmas Polres Hulu
 * Sungai Utara, Murung Sari, Amuntai), after a short wait so the "locating" state is seen.
 *
 * @example
 * ```tsx
 * <LocationCapture simulated source={simulatedPosition()} value={point} onChange={setPoint} />
 * ```
 */
export function simulatedPosition(
  point: GeoPoint = { lat: -2.4178, lng: 115.2486, accuracyM: 12 },
  delayMs = 400,
): PositionSource {
  return () => new Promise((resolve) => setTimeout(() => resolve(point), delayMs));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Props of {@link LocationCapture}. */
export interface LocationCaptureProps {
  value: GeoPoint | null;
  onChange: (point: GeoPoint | null) => void;
  /** Defaults to {@link devicePosition}. */
  source?: PositionSource;
  /** Says the point is simulated (training), so nobody mistakes it for a real fix. */
  simulated?: boolean;
  label?: string;
  error?: string | undefined;
  id?: string;
  locale?: Locale;
}

const FAILURE_KEYS: Record<LocationFailure, MessageKey> = {
  denied: 'location.denied',
  unavailable: 'location.unavailable',
  timeout: 'location.timeout',
  unsupported: 'location.unsupported',
};

/**
 * Captures the GPS point of a report, with the accuracy, and explains failures (permission
 * refused, no fix, timeout) in words an officer can act on. In training it takes a simulated
 * position and says so.
 *
 * @example
 * ```tsx
 * <LocationCapture value={point} onChange={setPoint} />
 * ```
 */
export function LocationCapture({
  value,
  onChange,
  source = devicePosition,
  simulated = false,
  label,
  error,
  id,
  locale,
}: LocationCaptureProps) {
  const { t, locale: current } = useI18n(locale);
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<LocationFailure | null>(null);
  const number = new Intl.NumberFormat(current === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: 6,
  });

  const capture = async () => {
    setLocating(true);
    setFailure(null);
    try {
      onChange(await source());
    } catch (caught) {
      setFailure(caught instanceof LocationError ? caught.reason : 'unavailable');
    } finally {
      setLocating(false);
    }
  };

  const shownError = error ?? (failure ? t(FAILURE_KEYS[failure]) : undefined);
  const errorId = shownError ? `${id ?? 'bos-location'}-error` : undefined;

  return (
    <fieldset className={`bos-fieldset bos-location${shownError ? ' bos-field--error' : ''}`}>
      <legend className="bos-legend">
        {label ?? t('location.label')} <span className="bos-optional">{t('form.optional')}</span>
      </legend>
      {simulated ? <p className="bos-tag bos-tag--training">{t('location.simulated')}</p> : null}
      {shownError ? (
        <ErrorMessage id={errorId} locale={locale}>
          {shownError}
        </ErrorMessage>
      ) : null}
      <div aria-live="polite" className="bos-location__status">
        {locating ? (
          <p className="bos-body">{t('location.locating')}</p>
        ) : value ? (
          <p className="bos-body">
            {t('location.result', { lat: number.format(value.lat), lng: number.format(value.lng) })}
            {value.accuracyM !== undefined ? (
              <>
                <br />
                {t('location.accuracy', { m: Math.round(value.accuracyM) })}
              </>
            ) : null}
          </p>
        ) : (
          <p className="bos-hint">{t('location.none')}</p>
        )}
      </div>
      <div className="bos-button-group">
        <button
          id={id}
          type="button"
          className="bos-button bos-button--secondary"
          disabled={locating}
          aria-describedby={errorId}
          onClick={() => void capture()}
        >
          {value ? t('location.recapture') : t('location.capture')}
        </button>
        {value ? (
          <button
            type="button"
            className="bos-button bos-button--warning-secondary"
            onClick={() => onChange(null)}
          >
            {t('location.clear')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
