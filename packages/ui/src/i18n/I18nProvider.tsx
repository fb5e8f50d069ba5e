import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { formatMessage, type Locale, type MessageKey, type MessageParams } from './messages.js';

/** What {@link useI18n} gives a component. */
export interface I18n {
  locale: Locale;
  /** The message for a key in the current locale, placeholders filled. */
  t: (key: MessageKey, params?: MessageParams) => string;
}

const LocaleContext = createContext<Locale>('id');

/**
 * Sets the language of every kit component below it (Bahasa Indonesia when absent).
 * A component's own `locale` prop wins over the provider.
 *
 * @example
 * ```tsx
 * <I18nProvider locale="en"><OutboxStatus state={state} /></I18nProvider>
 * ```
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/**
 * The locale and message function for a component: its `locale` prop, else the nearest
 * {@link I18nProvider}, else `id`.
 *
 * @example
 * ```tsx
 * const { t } = useI18n(props.locale);
 * return <p>{t('offline.title')}</p>;
 * ```
 */
export function useI18n(override?: Locale): I18n {
  const fromContext = useContext(LocaleContext);
  const locale = override ?? fromContext;
  return useMemo(
    () => ({
      locale,
      t: (key: MessageKey, params?: MessageParams) => formatMessage(locale, key, params),
    }),
    [locale],
  );
}
