import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/context.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the device has a network (the browser's view of it). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** A calm notice, not an error: offline is normal in the field and nothing is lost. */
export function OfflineNotice() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <div role="status" className="offline-slot">
      {online ? null : (
        <p className="offline-notice" data-testid="offline-notice">
          {t('offline.banner')}
        </p>
      )}
    </div>
  );
}
