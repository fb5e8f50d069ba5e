import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import { I18nProvider } from '../src/i18n/I18nProvider.js';
import type { Locale } from '../src/i18n/messages.js';
import '../src/styles.css';

/** Every story in the chosen language, with the page's `lang` set so screen readers pronounce it right. */
const withLocale: Decorator = (Story, context) => {
  const locale = (context.globals.locale as Locale | undefined) ?? 'id';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <div className="bos-root" lang={locale}>
        <Story />
      </div>
    </I18nProvider>
  );
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Bahasa / Language',
      toolbar: {
        title: 'Bahasa',
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'id' },
  decorators: [withLocale],
  parameters: { layout: 'padded' },
};

export default preview;
