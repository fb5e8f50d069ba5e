import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/**
 * `navigator.onLine`, kept current by the `online`/`offline` events (true on the server).
 *
 * @example
 * ```tsx
 * const online = useOnlineStatus();
 * return <OfflineBanner online={online} />;
 * ```
 */
export function useOnlineStatus(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Props of {@link OfflineBanner}. */
export interface OfflineBannerProps {
  online: boolean;
  /** Reports waiting for a signal. */
  pendingCount?: number;
  locale?: Locale;
}

/**
 * A calm, neutral notice while offline: being offline is normal in the field and nothing is
 * lost, so it is not styled or announced as an error. Renders nothing when online.
 *
 * @example
 * ```tsx
 * <OfflineBanner online={useOnlineStatus()} pendingCount={outbox.count} />
 * ```
 */
export function OfflineBanner({ online, pendingCount = 0, locale }: OfflineBannerProps) {
  const { t } = useI18n(locale);
  return (
    // The live region stays mounted so that going offline is announced politely.
    <div role="status" className="bos-offline-region">
      {online ? null : (
        <div className="bos-offline">
          {/* A signal icon with a slash: drawn, so it shows on phones without symbol fonts. */}
          <svg
            className="bos-offline__icon"
            viewBox="0 0 24 24"
            width="28"
            height="28"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d="M2 9a15 15 0 0 1 20 0M5.5 12.5a10 10 0 0 1 13 0M9 16a5 5 0 0 1 6 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
            <circle cx="12" cy="19.5" r="1.5" fill="currentColor" />
            <path d="M3 3l18 18" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
          <div>
            <p className="bos-offline__title">{t('offline.title')}</p>
            <p className="bos-offline__body">
              {t('offline.body')}
              {pendingCount > 0 ? ` ${t('offline.pending', { n: pendingCount })}` : ''}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
