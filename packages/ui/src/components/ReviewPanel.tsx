import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { fieldErrorsFromProblem, formLevelMessage, type Problem } from '../problem/problem.js';
import { ErrorSummary } from './ErrorSummary.js';
import { RadioGroupField, TextAreaField } from './Field.js';

/** The contract's `ReviewInput`. */
export type ReviewDecision =
  | { decision: 'APPROVE'; note?: string }
  | { decision: 'RETURN'; note: string };

/** Props of {@link ReviewPanel}. */
export interface ReviewPanelProps {
  /** Sends the decision; a rejected promise with a problem+json body shows its errors. */
  onSubmit: (decision: ReviewDecision) => Promise<void> | void;
  /** A problem from the last attempt, if the caller keeps it. */
  problem?: Problem | null;
  /** The shortest note accepted (the contract says 10). */
  minNote?: number;
  /** Disable while the report is not `SUBMITTED`. */
  disabled?: boolean;
  idPrefix?: string;
  locale?: Locale;
}

/**
 * The supervisor's review: approve, or return with a note that tells the officer what to fix
 * (required, at least 10 characters, as the contract's `ReviewInput` says).
 *
 * @example
 * ```tsx
 * <ReviewPanel onSubmit={(input) => client.activities.review({ id, body: input })} />
 * ```
 */
export function ReviewPanel({
  onSubmit,
  problem,
  minNote = 10,
  disabled,
  idPrefix = 'review',
  locale,
}: ReviewPanelProps) {
  const { t } = useI18n(locale);
  const [decision, setDecision] = useState<'' | 'APPROVE' | 'RETURN'>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; note?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const [done, setDone] = useState<'APPROVE' | 'RETURN' | null>(null);
  const shownProblem = failure ?? problem ?? null;
  const serverErrors = fieldErrorsFromProblem(shownProblem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: { decision?: string; note?: string } = {};
    if (!decision) next.decision = t('error.required');
    if (decision === 'RETURN' && note.trim().length < minNote)
      next.note = t('review.noteRequired', { min: minNote });
    setErrors(next);
    if (Object.keys(next).length > 0 || !decision) return;
    setBusy(true);
    setFailure(null);
    try {
      const trimmed = note.trim();
      await onSubmit(
        decision === 'RETURN'
          ? { decision, note: trimmed }
          : trimmed
            ? { decision, note: trimmed }
            : { decision },
      );
      setDone(decision);
    } catch (caught) {
      const body = (caught as { body?: unknown })?.body ?? caught;
      setFailure(
        body && typeof body === 'object' && 'code' in body
          ? (body as Problem)
          : { type: 'about:blank', title: t('error.network'), status: 0, code: 'network' },
      );
    } finally {
      setBusy(false);
    }
  };

  const decisionError = errors.decision ?? serverErrors.decision;
  const noteError = errors.note ?? serverErrors.note;
  const summary = [
    ...(decisionError
      ? [{ message: decisionError, targetId: `${idPrefix}-decision`, label: t('review.decision') }]
      : []),
    ...(noteError
      ? [{ message: noteError, targetId: `${idPrefix}-note`, label: t('review.note') }]
      : []),
  ];

  return (
    <section className="bos-review" aria-labelledby={`${idPrefix}-title`}>
      <h2 className="bos-review__title" id={`${idPrefix}-title`}>
        {t('review.title')}
      </h2>
      {done ? (
        <p role="status" className="bos-panel-ok">
          {t(done === 'APPROVE' ? 'review.done.APPROVE' : 'review.done.RETURN')}
        </p>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary
            items={summary}
            formError={formLevelMessage(shownProblem)}
            locale={locale}
          />
          <RadioGroupField
            id={`${idPrefix}-decision`}
            legend={t('review.decision')}
            locale={locale}
            value={decision}
            error={decisionError}
            options={[
              { value: 'APPROVE', label: t('review.approve') },
              { value: 'RETURN', label: t('review.return') },
            ]}
            onValueChange={(v) => setDecision(v as 'APPROVE' | 'RETURN')}
          />
          {decision === 'RETURN' ? (
            <TextAreaField
              id={`${idPrefix}-note`}
              label={t('review.note')}
              hint={t('review.noteHint', { min: minNote })}
              locale={locale}
              rows={4}
              value={note}
              error={noteError}
              onValueChange={setNote}
            />
          ) : null}
          <button
            type="submit"
            className="bos-button"
            disabled={busy || disabled}
            aria-disabled={busy || disabled}
          >
            {busy ? t('review.submitting') : t('review.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
