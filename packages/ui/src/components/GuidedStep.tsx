import {
  type CSSProperties,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

/** Props of {@link GuidedStep}. */
export interface GuidedStepProps {
  open: boolean;
  /** The element to highlight: a CSS selector or the element. Missing: the hint shows alone. */
  target?: string | HTMLElement | null;
  title: string;
  body: ReactNode;
  /** 1-based. */
  step: number;
  total: number;
  onNext?: () => void;
  onPrev?: () => void;
  /** Esc, the close button, and "finish" on the last step call it. */
  onClose: () => void;
  locale?: Locale;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

function resolveTarget(target: GuidedStepProps['target']): HTMLElement | null {
  if (!target) return null;
  if (typeof target === 'string')
    return typeof document === 'undefined' ? null : document.querySelector<HTMLElement>(target);
  return target;
}

/**
 * A guided step of a training scenario: a highlight around the control to use and a hint
 * bubble beside it. Focus moves into the bubble when a step opens and returns where it was on
 * close; Esc closes; each step is announced ("Langkah 2 dari 5: …"). Not modal: the officer can
 * still use the highlighted control. On narrow screens the bubble sits at the bottom.
 *
 * @example
 * ```tsx
 * <GuidedStep open target="#description" step={2} total={5} title="Tulis uraian"
 *   body="Ceritakan siapa, apa, di mana, kapan." onNext={next} onPrev={prev} onClose={stop} />
 * ```
 */
export function GuidedStep({
  open,
  target,
  title,
  body,
  step,
  total,
  onNext,
  onPrev,
  onClose,
  locale,
}: GuidedStepProps) {
  const { t } = useI18n(locale);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `bos-guide${ids}-title`;
  const bodyId = `bos-guide${ids}-body`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [box, setBox] = useState<Box | null>(null);

  const measure = useCallback(() => {
    const element = resolveTarget(target);
    if (!element) {
      setBox(null);
      return;
    }
    const rect = element.getBoundingClientRect();
    setBox({
      top: rect.top + window.scrollY,
      left: rect.left + window.scrollX,
      width: rect.width,
      height: rect.height,
    });
  }, [target]);

  useLayoutEffect(() => {
    if (!open) return;
    resolveTarget(target)?.scrollIntoView?.({ block: 'center' });
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, true);
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure, true);
    };
  }, [open, target, measure]);

  // Remember where focus was when the guide opened, and give it back on close.
  useEffect(() => {
    if (!open) return;
    if (!returnTo.current) returnTo.current = document.activeElement as HTMLElement | null;
    return () => {
      const back = returnTo.current;
      returnTo.current = null;
      back?.focus?.();
    };
  }, [open]);

  // Each step takes focus, so its text is read and the buttons are one Tab away.
  useEffect(() => {
    if (open && step > 0) headingRef.current?.focus();
  }, [open, step]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  const last = step >= total;
  const announcement = open ? t('guide.announce', { n: step, total, title }) : '';
  const pad = 6;
  // Custom properties, not top/left, so the phone layout in CSS can still place the bubble.
  const bubbleStyle = box
    ? ({
        '--bos-guide-top': `${box.top + box.height + pad + 8}px`,
        '--bos-guide-left': `${Math.max(8, box.left)}px`,
      } as CSSProperties)
    : undefined;

  return (
    <>
      <p className="bos-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {open ? (
        <>
          {box ? (
            <div
              className="bos-guide-highlight"
              aria-hidden="true"
              style={{
                top: box.top - pad,
                left: box.left - pad,
                width: box.width + pad * 2,
                height: box.height + pad * 2,
              }}
            />
          ) : null}
          <div
            className={`bos-guide${box ? '' : ' bos-guide--floating'}`}
            role="dialog"
            aria-modal="false"
            aria-labelledby={titleId}
            aria-describedby={bodyId}
            style={bubbleStyle}
          >
            <p className="bos-guide__step">{t('guide.step', { n: step, total })}</p>
            <h2 className="bos-guide__title" id={titleId} tabIndex={-1} ref={headingRef}>
              {title}
            </h2>
            <div className="bos-guide__body" id={bodyId}>
              {body}
            </div>
            <div className="bos-button-group">
              {step > 1 && onPrev ? (
                <button type="button" className="bos-button bos-button--secondary" onClick={onPrev}>
                  {t('guide.prev')}
                </button>
              ) : null}
              {last ? (
                <button type="button" className="bos-button" onClick={onClose}>
                  {t('guide.finish')}
                </button>
              ) : onNext ? (
                <button type="button" className="bos-button" onClick={onNext}>
                  {t('guide.next')}
                </button>
              ) : null}
            </div>
            <button
              type="button"
              className="bos-guide__close"
              aria-label={t('guide.close')}
              onClick={onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}
