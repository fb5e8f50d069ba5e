import { useEffect, useId, useState } from 'react';
import { useClassroom } from '../classroom/classroom.js';
import { clearHandoff } from '../classroom/handoff.js';
import { useI18n } from '../i18n/context.js';
import type { Locale } from '../i18n/messages.js';
import { useProgress } from '../state/progress.js';
import { readSeed, writeSeed } from '../state/settings.js';

/** Whether a service worker controls this page, i.e. the shell is cached for offline use. */
function useOfflineReady(): boolean {
  const [ready, setReady] = useState(() => Boolean(navigator.serviceWorker?.controller));
  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw) return;
    const update = () => setReady(Boolean(sw.controller));
    sw.addEventListener('controllerchange', update);
    void sw.ready.then(update);
    return () => sw.removeEventListener('controllerchange', update);
  }, []);
  return ready;
}

export function Settings() {
  const { t, locale, setLocale } = useI18n();
  const progress = useProgress();
  const classroom = useClassroom();
  const offlineReady = useOfflineReady();
  const [seed, setSeed] = useState(() => String(readSeed()));
  const [message, setMessage] = useState('');
  const seedId = useId();
  const seedHelp = useId();
  const languages: { value: Locale; label: string }[] = [
    { value: 'id', label: 'Bahasa Indonesia' },
    { value: 'en', label: 'English' },
  ];
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      <fieldset className="field">
        <legend>{t('settings.language')}</legend>
        {languages.map(({ value, label }) => (
          <label key={value} className="choice" lang={value}>
            <input
              type="radio"
              name="language"
              value={value}
              checked={locale === value}
              onChange={() => setLocale(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={seedId}>{t('settings.seed')}</label>
        <p id={seedHelp} className="hint">
          {t('settings.seed.detail')}
        </p>
        <input
          id={seedId}
          type="number"
          inputMode="numeric"
          min={1}
          aria-describedby={seedHelp}
          value={seed}
          onChange={(event) => {
            setSeed(event.target.value);
            const value = Number(event.target.value);
            if (Number.isSafeInteger(value) && value > 0) writeSeed(value);
          }}
          data-testid="seed"
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="settings-reset"
          onClick={async () => {
            if (!window.confirm(t('drill.resetConfirm'))) return;
            // The simulated server starts again from the seed above (a new one takes effect here).
            const { getRuntime } = await import('../runtime/use-runtime.js');
            const runtime = await getRuntime();
            await runtime.reset();
            await runtime.saved();
            location.reload();
          }}
        >
          {t('drill.reset')}
        </button>
      </div>
      <p className={offlineReady ? 'note' : 'note note-warn'} data-testid="offline-ready">
        {offlineReady ? t('settings.offlineReady') : t('settings.offlineNotReady')}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          onClick={async () => {
            if (!window.confirm(t('settings.clearConfirm'))) return;
            await progress.clear();
            setMessage(t('settings.cleared'));
          }}
        >
          {t('settings.clearProgress')}
        </button>
      </div>
      {classroom ? (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            data-testid="leave-classroom"
            onClick={() => {
              const question =
                classroom.pending > 0
                  ? t('classroom.leaveConfirmPending', { n: classroom.pending })
                  : t('classroom.leaveConfirm');
              if (!window.confirm(question)) return;
              // A shared phone: the next officer practises on their own, not in this session.
              clearHandoff(localStorage);
              location.reload();
            }}
          >
            {t('classroom.leave')}
          </button>
        </div>
      ) : null}
      <p role="status">{message}</p>
    </section>
  );
}
