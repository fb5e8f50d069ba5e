import type { OutboxSnapshot } from '@bosv2/sdk/outbox';
import { type OutboxState, OutboxStatus } from '@bosv2/ui';
import { useI18n } from '../i18n/context.js';
import { DRILLS, type Drill } from '../runtime/network.js';

/** The SDK outbox's snapshot in the shape @bosv2/ui's OutboxStatus shows. */
export function outboxState(
  snapshot: OutboxSnapshot | null,
  label: (operationId: string) => string,
): OutboxState | null {
  if (!snapshot) return null;
  return {
    count: snapshot.pending + snapshot.failed,
    lastSuccessfulSync: snapshot.lastSuccessfulSync
      ? new Date(snapshot.lastSuccessfulSync).toISOString()
      : null,
    entries: snapshot.entries.map((entry) => ({
      id: entry.id,
      state: entry.state,
      label: label(entry.operationId),
      ...(entry.error ? { error: entry.error.problem?.title ?? entry.error.message } : {}),
    })),
  };
}

const DRILL_KEYS = {
  normal: 'drill.online',
  offline: 'drill.offline',
  'server-error': 'drill.serverError',
  slow: 'drill.slow',
} as const;

/** Network and server drills, the outbox, and what the simulated server received. */
export function DrillPanel({
  drill,
  onDrill,
  online,
  outbox,
  onRetry,
  newRecords,
  onReset,
}: {
  drill: Drill;
  onDrill(drill: Drill): void;
  online: boolean;
  outbox: OutboxSnapshot | null;
  onRetry(id?: string): void;
  newRecords: number | null;
  onReset(): void;
}) {
  const { t, locale } = useI18n();
  return (
    <aside className="drill-panel" aria-labelledby="drill-heading">
      <h2 id="drill-heading">{t('drill.heading')}</h2>
      <p className="hint">{t('drill.detail')}</p>
      <fieldset className="drill-buttons">
        <legend className="visually-hidden">{t('drill.heading')}</legend>
        {DRILLS.map((value) => (
          <button
            key={value}
            type="button"
            className="button button-secondary button-small"
            aria-pressed={drill === value}
            data-testid={`drill-${value}`}
            onClick={() => onDrill(value)}
          >
            {t(DRILL_KEYS[value])}
          </button>
        ))}
      </fieldset>
      <div data-testid="outbox">
        <OutboxStatus
          state={outboxState(outbox, (op) => t('player.outboxLabel', { op }))}
          online={online}
          onRetry={onRetry}
          showSent
          locale={locale}
        />
      </div>
      <p>
        <button
          type="button"
          className="button button-danger button-small"
          onClick={onReset}
          data-testid="reset"
        >
          {t('drill.reset')}
        </button>
      </p>
      {newRecords === null ? null : (
        <p className="note" data-testid="server-new-records" data-count={newRecords}>
          {t('player.serverReceived', { count: newRecords })}
        </p>
      )}
    </aside>
  );
}
