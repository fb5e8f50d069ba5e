import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import { formatDateTime } from './dates.js';

/** Where one report is in the outbox. */
export type OutboxEntryState = 'queued' | 'sending' | 'sent' | 'failed';

/** One report in the outbox. */
export interface OutboxEntry {
  id: string;
  state: OutboxEntryState;
  /** What the officer recognises: "DDS warga, Ahmad Fauzi, 20 Nov". */
  label: string;
  /** Why it failed, in the user's language (e.g. the problem's title). */
  error?: string;
}

/**
 * The outbox as a plain object, so the component does not depend on the SDK: map the SDK's
 * outbox to this shape.
 */
export interface OutboxState {
  /** Reports not yet sent (queued, sending or failed). */
  count: number;
  entries: readonly OutboxEntry[];
  /** When a report last reached the server (RFC 3339), or null if never. */
  lastSuccessfulSync: string | null;
}

/** Props of {@link OutboxStatus}. */
export interface OutboxStatusProps {
  state: OutboxState | null;
  /** Retry one report (`id`) or every failed one (no id). No button when absent. */
  onRetry?: (id?: string) => void;
  /** False while offline: pending reports say they wait for a signal. */
  online?: boolean;
  /** Show sent reports too (off by default: only what still needs attention). */
  showSent?: boolean;
  locale?: Locale;
}

const STATE_KEYS: Record<OutboxEntryState, MessageKey> = {
  queued: 'outbox.state.queued',
  sending: 'outbox.state.sending',
  sent: 'outbox.state.sent',
  failed: 'outbox.state.failed',
};

const STATE_ICONS: Record<OutboxEntryState, string> = {
  queued: '○',
  sending: '↻',
  sent: '✓',
  failed: '!',
};

/**
 * What is waiting to be sent, what is being sent, what failed and why, and when a report last
 * reached the server: the "tell me what's queued and why it failed" the field tools lack. State
 * is never told by colour alone (each has an icon and a word).
 *
 * @example
 * ```tsx
 * <OutboxStatus state={{ count: 1, lastSuccessfulSync: null,
 *   entries: [{ id: 'a', state: 'failed', label: 'DDS warga', error: 'Server sibuk' }] }}
 *   onRetry={(id) => outbox.retry(id)} />
 * ```
 */
export function OutboxStatus({
  state,
  onRetry,
  online = true,
  showSent = false,
  locale,
}: OutboxStatusProps) {
  const { t, locale: current } = useI18n(locale);
  const titleId = `bos-outbox-title${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  if (!state) {
    return (
      <section className="bos-outbox" aria-labelledby={titleId} aria-busy="true">
        <h2 className="bos-outbox__title" id={titleId}>
          {t('outbox.title')}
        </h2>
        <p className="bos-body">{t('outbox.loading')}</p>
      </section>
    );
  }
  const entries = showSent
    ? state.entries
    : state.entries.filter((entry) => entry.state !== 'sent');
  const failed = state.entries.filter((entry) => entry.state === 'failed');
  const summary =
    state.count === 0
      ? t('outbox.allSent')
      : state.count === 1
        ? t('outbox.pendingOne')
        : t('outbox.pending', { n: state.count });
  return (
    <section className="bos-outbox" aria-labelledby={titleId}>
      <h2 className="bos-outbox__title" id={titleId}>
        {t('outbox.title')}
      </h2>
      <div role="status" className="bos-outbox__summary">
        <p className="bos-outbox__count">
          <span className={`bos-badge bos-badge--${state.count === 0 ? 'ok' : 'pending'}`}>
            {state.count}
          </span>{' '}
          {summary}
        </p>
        {state.count > 0 && !online ? (
          <p className="bos-hint">{t('outbox.offlineWaiting')}</p>
        ) : null}
      </div>
      <p className="bos-hint">
        {state.lastSuccessfulSync
          ? t('outbox.lastSync', { time: formatDateTime(state.lastSuccessfulSync, current) })
          : t('outbox.neverSynced')}
      </p>
      {entries.length > 0 ? (
        <ul className="bos-outbox__list">
          {entries.map((entry) => (
            <li key={entry.id} className={`bos-outbox__entry bos-outbox__entry--${entry.state}`}>
              <span className={`bos-state bos-state--${entry.state}`}>
                <span aria-hidden="true" className="bos-state__icon">
                  {STATE_ICONS[entry.state]}
                </span>
                {t(STATE_KEYS[entry.state])}
              </span>
              <span className="bos-outbox__label">{entry.label}</span>
              {entry.state === 'failed' && entry.error ? (
                <span className="bos-outbox__reason">
                  {t('outbox.failedReason', { reason: entry.error })}
                </span>
              ) : null}
              {entry.state === 'failed' && onRetry ? (
                <button
                  type="button"
                  className="bos-button bos-button--secondary bos-button--small"
                  aria-label={t('outbox.retryOne', { label: entry.label })}
                  onClick={() => onRetry(entry.id)}
                >
                  {t('outbox.retry')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : state.count === 0 ? null : (
        <p className="bos-body">{t('outbox.empty')}</p>
      )}
      {failed.length > 1 && onRetry ? (
        <button type="button" className="bos-button" onClick={() => onRetry()}>
          {t('outbox.retryAll', { n: failed.length })}
        </button>
      ) : null}
    </section>
  );
}
