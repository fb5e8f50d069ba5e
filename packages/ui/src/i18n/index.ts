export { type I18n, I18nProvider, useI18n } from './I18nProvider.js';
export {
  type Bilingual,
  enumLabel,
  enumLabels,
  humanize,
  propertyLabel,
  propertyLabels,
} from './labels.js';
export {
  formatMessage,
  hasMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
  messages,
} from './messages.js';
