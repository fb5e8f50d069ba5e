import { type ChangeEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/context.js';
import { exportProgress, importProgress } from '../progress/exchange.js';
import { useCatalog } from '../state/catalog.js';
import { useProgress } from '../state/progress.js';

/** Downloads a text as a file, made on the device (nothing leaves it). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Best score, attempts and mistakes by field; save to and load from a file. */
export function Progress() {
  const { t, locale } = useI18n();
  const progress = useProgress();
  const catalog = useCatalog();
  const [message, setMessage] = useState('');
  const inputId = useId();
  const rows = [...progress.summary.byScenario.values()];
  const date = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const parsed = importProgress(await file.text());
      const added = await progress.record(parsed.attempts);
      await progress.recordStatements(parsed.statements ?? []);
      if (parsed.traineeName && !progress.traineeName)
        await progress.setTraineeName(parsed.traineeName);
      setMessage(t('progress.imported', { count: added }));
    } catch (error) {
      setMessage(t('progress.importFailed', { reason: (error as Error).message }));
    }
  };

  return (
    <section aria-labelledby="progress-heading">
      <h1 id="progress-heading">{t('progress.heading')}</h1>
      {progress.persist === 'pending' ? null : (
        <p className={progress.persist === 'granted' ? 'note' : 'note note-warn'}>
          {t(`progress.storage.${progress.persist}`)}
        </p>
      )}
      {rows.length === 0 ? (
        <p data-testid="progress-empty">{t('progress.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="progress-table">
            <thead>
              <tr>
                <th scope="col">{t('progress.scenario')}</th>
                <th scope="col">{t('progress.best')}</th>
                <th scope="col">{t('progress.attempts')}</th>
                <th scope="col">{t('progress.last')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.scenarioId}>
                  <th scope="row">{catalog.scenarioTitle(row.scenarioId, locale)}</th>
                  <td>
                    {row.bestPercent}%{row.examPassed ? ` · ${t('modules.passed')}` : ''}
                  </td>
                  <td>{row.attempts}</td>
                  <td>{date.format(new Date(row.lastAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('progress.mistakes')}</h2>
      {progress.summary.mistakesByField.length === 0 ? (
        <p>{t('progress.mistakes.none')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="mistakes-table">
            <thead>
              <tr>
                <th scope="col">{t('progress.field')}</th>
                <th scope="col">{t('progress.count')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.summary.mistakesByField.map(([field, count]) => (
                <tr key={field}>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="export-progress"
          onClick={async () =>
            download(
              `latihan-bos-v2-${new Date().toISOString().slice(0, 10)}.json`,
              exportProgress(
                progress.attempts,
                progress.traineeName || undefined,
                new Date(),
                await progress.listStatements(),
              ),
            )
          }
        >
          {t('progress.export')}
        </button>
        <label className="button button-secondary" htmlFor={inputId}>
          {t('progress.import')}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          data-testid="import-progress"
          onChange={onImport}
        />
      </div>
      <p role="status" data-testid="progress-message">
        {message}
      </p>
    </section>
  );
}
