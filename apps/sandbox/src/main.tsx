import { I18nProvider as UiI18nProvider } from '@bosv2/ui';
import '@bosv2/ui/styles.css';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ClassroomProvider } from './classroom/classroom.js';
import { I18nProvider, useI18n } from './i18n/context.js';
import { ProgressProvider } from './state/progress.js';
import './styles.css';

/** @bosv2/ui's components speak the language the trainee chose. */
function WithUiLanguage({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <UiI18nProvider locale={locale}>{children}</UiI18nProvider>;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <WithUiLanguage>
        <ProgressProvider>
          <ClassroomProvider>
            <App />
          </ClassroomProvider>
        </ProgressProvider>
      </WithUiLanguage>
    </I18nProvider>
  </StrictMode>,
);

// The offline shell. Not in development: Vite's dev server changes files all the time.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('./sw.js', { scope: './' });
  });
}
