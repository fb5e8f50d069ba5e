import { I18nProvider as UiI18nProvider } from '@bosv2/ui';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.js';
import { I18nProvider, useI18n } from './i18n/context.js';
import { openProgressDb } from './progress/db.js';
import { attempt } from './progress/fixtures.js';
import { ProgressProvider } from './state/progress.js';

function WithUi({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <UiI18nProvider locale={locale}>{children}</UiI18nProvider>;
}

function renderApp(factory = new IDBFactory()) {
  const open = () => openProgressDb(factory);
  return render(
    <I18nProvider initial="id">
      <WithUi>
        <ProgressProvider open={open}>
          <App />
        </ProgressProvider>
      </WithUi>
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

describe('App', () => {
  it('opens on the role choice, in Bahasa Indonesia, with the LATIHAN banner', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Pilih peran Anda' })).toBeTruthy();
    expect(screen.getByTestId('latihan-banner').textContent).toMatch(/LATIHAN/);
    expect(
      screen.getAllByRole('link', { name: /Bhabinkamtibmas|Supervisor|Masyarakat|Pelatih/ }),
    ).toHaveLength(4);
  });

  it('switches every text to English and back', async () => {
    renderApp();
    fireEvent.click(await screen.findByTestId('language-switch'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choose your role');
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByTestId('language-switch'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pilih peran Anda');
  });

  it('shows stored attempts on the progress page, with mistakes by field', async () => {
    const factory = new IDBFactory();
    const db = await openProgressDb(factory);
    await db.addAttempts([
      attempt({ scenarioId: 'x.clean', mistakes: { 'details.description': 2 } }),
    ]);
    db.close();
    renderApp(factory);
    await act(async () => {
      location.hash = '#/kemajuan';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('progress-table')).toBeTruthy();
    expect(screen.getByTestId('mistakes-table').textContent).toContain('details.description');
  });

  it('answers an unknown address with a way home', async () => {
    location.hash = '#/tidak-ada';
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeTruthy();
  });
});
