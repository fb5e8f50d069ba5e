import { TrainingBanner } from '@bosv2/ui';
import type { ReactNode } from 'react';
import { ClassroomStatusLine } from '../classroom/classroom.js';
import { useI18n } from '../i18n/context.js';
import { href, type Route } from '../router.js';
import { OfflineNotice } from './OfflineNotice.js';

const NAV: {
  route: Route;
  key: 'nav.home' | 'nav.progress' | 'nav.certificate' | 'nav.settings';
}[] = [
  { route: { name: 'home' }, key: 'nav.home' },
  { route: { name: 'progress' }, key: 'nav.progress' },
  { route: { name: 'certificate' }, key: 'nav.certificate' },
  { route: { name: 'settings' }, key: 'nav.settings' },
];

/** Every screen: the permanent LATIHAN banner, the menu, the offline notice, then the screen. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const current = href(route);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="latihan-banner" data-testid="latihan-banner">
          <TrainingBanner locale={locale} />
        </div>
        <div className="app-bar">
          <a className="app-title" href="#/">
            {t('app.title')}
          </a>
          <button
            type="button"
            className="button button-quiet"
            lang={locale === 'id' ? 'en' : 'id'}
            aria-label={t('lang.switchLabel')}
            onClick={() => setLocale(locale === 'id' ? 'en' : 'id')}
            data-testid="language-switch"
          >
            {t('lang.switch')}
          </button>
        </div>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {NAV.map(({ route: target, key }) => {
              const link = href(target);
              return (
                <li key={key}>
                  <a href={link} aria-current={current === link ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <OfflineNotice />
        <ClassroomStatusLine />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
