import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { ErrorMessage } from './Field.js';
import { addKeyword, DEFAULT_KEYWORD_RULES, type KeywordRules } from './keywords.js';

export {
  addKeyword,
  DEFAULT_KEYWORD_RULES,
  type KeywordRejection,
  type KeywordRules,
  normalizeKeyword,
} from './keywords.js';

/** Props of {@link KeywordInput}. */
export interface KeywordInputProps {
  id?: string;
  value: readonly string[];
  onChange: (keywords: string[]) => void;
  /** At least this many (5 on problem-solving reports, a BOS V2 rule). */
  min?: number;
  rules?: Partial<KeywordRules>;
  label?: string;
  hint?: string;
  /** An error from the form or the server (e.g. `too-few-keywords`). */
  error?: string | undefined;
  /** Show the "add N more" message before a submit (off: only the count shows). */
  showMinimumError?: boolean;
  /** Suggestions offered while typing (e.g. trending keywords). */
  suggestions?: readonly string[];
  locale?: Locale;
}

/**
 * Keywords (kata kunci) as removable chips, with a count against the minimum. Enter or the Add
 * button adds; each chip has its own remove button; changes are announced politely.
 *
 * @example
 * ```tsx
 * <KeywordInput value={keywords} onChange={setKeywords} min={5} />
 * ```
 */
export function KeywordInput({
  id,
  value,
  onChange,
  min = 0,
  rules,
  label,
  hint,
  error,
  showMinimumError = false,
  suggestions,
  locale,
}: KeywordInputProps) {
  const { t } = useI18n(locale);
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const inputId = id ?? `bos-keywords${generated}`;
  const all: KeywordRules = { ...DEFAULT_KEYWORD_RULES, ...rules };
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const countText =
    min > 0
      ? t('keywords.countMin', { n: value.length, min })
      : t('keywords.count', { n: value.length });
  const missing = Math.max(0, min - value.length);
  const shownError =
    error ??
    problem ??
    (showMinimumError && missing > 0 ? t('keywords.needMore', { n: missing }) : undefined);
  const hintId = `${inputId}-hint`;
  const countId = `${inputId}-count`;
  const errorId = shownError ? `${inputId}-error` : undefined;
  const listId = suggestions?.length ? `${inputId}-suggestions` : undefined;

  const add = () => {
    const result = addKeyword(value, draft, all);
    if (!result.ok) {
      if (result.reason === 'empty') return;
      setProblem(
        result.reason === 'duplicate'
          ? t('keywords.duplicate', { keyword: result.keyword })
          : result.reason === 'tooShort'
            ? t('keywords.tooShort', { limit: all.minLength })
            : result.reason === 'tooLong'
              ? t('keywords.tooLong', { limit: all.maxLength })
              : t('keywords.full', { max: all.maxItems }),
      );
      return;
    }
    setProblem(null);
    setDraft('');
    onChange(result.keywords);
    const count =
      min > 0
        ? t('keywords.countMin', { n: result.keywords.length, min })
        : t('keywords.count', { n: result.keywords.length });
    setAnnouncement(t('keywords.added', { keyword: result.keyword, count }));
  };

  const remove = (keyword: string) => {
    const next = value.filter((k) => k !== keyword);
    onChange(next);
    const count =
      min > 0
        ? t('keywords.countMin', { n: next.length, min })
        : t('keywords.count', { n: next.length });
    setAnnouncement(t('keywords.removed', { keyword, count }));
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className={`bos-field bos-keywords${shownError ? ' bos-field--error' : ''}`}>
      <label className="bos-label" htmlFor={inputId}>
        {label ?? t('keywords.label')}
        {min === 0 ? <span className="bos-optional"> {t('form.optional')}</span> : null}
      </label>
      <div id={hintId} className="bos-hint">
        {hint ?? t('keywords.hint')}
      </div>
      {shownError ? (
        <ErrorMessage id={errorId} locale={locale}>
          {shownError}
        </ErrorMessage>
      ) : null}
      {value.length > 0 ? (
        <ul className="bos-chips" aria-label={label ?? t('keywords.label')}>
          {value.map((keyword) => (
            <li key={keyword} className="bos-chip">
              <span>{keyword}</span>
              <button
                type="button"
                className="bos-chip__remove"
                aria-label={t('keywords.remove', { keyword })}
                onClick={() => remove(keyword)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="bos-keywords__entry">
        <input
          ref={inputRef}
          id={inputId}
          className="bos-input"
          value={draft}
          list={listId}
          autoComplete="off"
          enterKeyHint="done"
          aria-describedby={[hintId, errorId, countId].filter(Boolean).join(' ')}
          aria-invalid={shownError ? true : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="bos-button bos-button--secondary" onClick={add}>
          {t('keywords.add')}
        </button>
      </div>
      {listId ? (
        <datalist id={listId}>
          {suggestions?.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      <p id={countId} className={`bos-count${missing === 0 ? ' bos-count--ok' : ''}`}>
        {countText}
      </p>
      <p className="bos-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
