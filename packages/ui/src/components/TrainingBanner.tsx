import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

/** Props of {@link TrainingBanner}. */
export interface TrainingBannerProps {
  /** The screen, framed by the training border. Without children only the banner renders. */
  children?: ReactNode;
  /** A word on the session ("Skenario 2: DDS warga"). */
  detail?: string;
  locale?: Locale;
}

/**
 * The permanent "LATIHAN" (training) banner and border: on every screen of the sandbox, never
 * dismissible, so nobody mistakes practice for the real BOS V2 (CommCare's practice mode and
 * CHT's training border do the same).
 *
 * @example
 * ```tsx
 * <TrainingBanner><App /></TrainingBanner>
 * ```
 */
export function TrainingBanner({ children, detail, locale }: TrainingBannerProps) {
  const { t } = useI18n(locale);
  const banner = (
    <section className="bos-training-banner" aria-label={t('training.region')}>
      <strong className="bos-training-banner__word">{t('training.banner')}</strong>
      <span className="bos-training-banner__body">
        {t('training.bannerBody')}
        {detail ? ` ${detail}` : ''}
      </span>
    </section>
  );
  if (children === undefined) return banner;
  return (
    <div className="bos-training-frame">
      {banner}
      <div className="bos-training-frame__content">{children}</div>
    </div>
  );
}
