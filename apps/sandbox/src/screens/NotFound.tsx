import { useI18n } from '../i18n/context.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{t('notFound.heading')}</h1>
      <p>
        <a href="#/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
