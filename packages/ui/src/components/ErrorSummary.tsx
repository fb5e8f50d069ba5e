import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

/**
 * The element an error links to: the control itself, or, when the error names a group that
 * has no control of its own (`details-headOfHousehold`), the nearest enclosing one that exists.
 */
export function findTarget(id: string): HTMLElement | null {
  let candidate = id;
  while (candidate) {
    const element = document.getElementById(candidate);
    if (element) return element;
    const cut = candidate.lastIndexOf('-');
    if (cut <= 0) return null;
    candidate = candidate.slice(0, cut);
  }
  return null;
}

/** One line of the summary: the message and the id of the control it links to. */
export interface ErrorSummaryItem {
  message: string;
  /** The control's id; the link moves focus there. Leave out for a form-level error. */
  targetId?: string;
  /** Shown before the message, e.g. the field's label. */
  label?: string;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  items: readonly ErrorSummaryItem[];
  /** A message that belongs to no field (from a problem's title/detail). */
  formError?: string | null;
  /** Focus the summary when it appears (after a submit), as GOV.UK does. */
  focusOnMount?: boolean;
  locale?: Locale;
}

/**
 * The box at the top of a form after a failed submit: one link per error, moving focus to the
 * field. It takes focus when it appears and is announced (`role="alert"`), so a screen reader
 * hears what went wrong at once; the fields themselves do not shout.
 *
 * @example
 * ```tsx
 * <ErrorSummary items={[{ message: 'Uraian minimal 50 karakter.', targetId: 'description' }]} />
 * ```
 */
export function ErrorSummary({ items, formError, focusOnMount = true, locale }: ErrorSummaryProps) {
  const { t } = useI18n(locale);
  const titleId = `bos-error-summary-title${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0 || Boolean(formError);
  useEffect(() => {
    if (visible && focusOnMount) ref.current?.focus();
  }, [visible, focusOnMount]);
  if (!visible) return null;
  return (
    <div
      ref={ref}
      className="bos-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <h2 className="bos-error-summary__title" id={titleId}>
        {t('form.errorSummaryTitle')}
      </h2>
      {formError ? <p className="bos-error-summary__body">{formError}</p> : null}
      {items.length > 0 ? (
        <ul className="bos-error-summary__list">
          {items.map((item) => (
            <li key={`${item.targetId ?? 'form'} ${item.message}`}>
              {item.targetId ? (
                <a
                  href={`#${item.targetId}`}
                  onClick={(event) => {
                    const target = findTarget(item.targetId ?? '');
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView?.({ block: 'center' });
                  }}
                >
                  {item.label ? `${item.label}: ` : ''}
                  {item.message}
                </a>
              ) : (
                <span>
                  {item.label ? `${item.label}: ` : ''}
                  {item.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
