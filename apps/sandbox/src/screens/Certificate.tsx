import { useId } from 'react';
import { useI18n } from '../i18n/context.js';
import { useCatalog } from '../state/catalog.js';
import { useProgress } from '../state/progress.js';

/** A printable A4 certificate, made on the device from the passed exams. */
export function Certificate() {
  const { t, locale } = useI18n();
  const progress = useProgress();
  const catalog = useCatalog();
  const nameId = useId();
  const passed = [...progress.summary.passedWorkflows].sort(([a], [b]) => a.localeCompare(b));
  const today = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
  }).format(new Date());
  return (
    <section aria-labelledby="certificate-heading">
      <h1 id="certificate-heading" className="no-print">
        {t('certificate.heading')}
      </h1>
      <div className="field no-print">
        <label htmlFor={nameId}>{t('certificate.name')}</label>
        <input
          id={nameId}
          type="text"
          autoComplete="name"
          placeholder={t('certificate.namePlaceholder')}
          value={progress.traineeName}
          onChange={(event) => void progress.setTraineeName(event.target.value)}
          data-testid="trainee-name"
        />
      </div>
      <article className="certificate" data-testid="certificate">
        <p className="certificate-mark">{t('banner.latihan')}</p>
        <h2 className="certificate-title">{t('certificate.title')}</h2>
        <p>{t('certificate.body')}</p>
        <p className="certificate-name">{progress.traineeName || '—'}</p>
        {passed.length === 0 ? (
          <p>{t('certificate.none')}</p>
        ) : (
          <>
            <p>{t('certificate.passed')}</p>
            <table className="certificate-table">
              <tbody>
                {passed.map(([workflow, score]) => (
                  <tr key={workflow}>
                    <th scope="row">{catalog.workflowTitle(workflow, locale)}</th>
                    <td>{score}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="certificate-date">{t('certificate.date', { date: today })}</p>
        <p className="certificate-note">{t('certificate.note')}</p>
      </article>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()} data-testid="print">
          {t('certificate.print')}
        </button>
      </div>
    </section>
  );
}
