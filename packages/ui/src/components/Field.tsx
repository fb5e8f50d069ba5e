import {
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

/** Props every field shares. */
export interface BaseFieldProps {
  /** The control's id; generated when absent. Error summaries link to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message to show under the label; makes the control `aria-invalid`. */
  error?: string | undefined;
  /** Marks the label "(opsional)"; required fields stay unmarked, as GOV.UK does. */
  optional?: boolean;
  locale?: Locale;
  className?: string;
}

/** The ids a control needs to point at its hint and error. */
export interface FieldIds {
  controlId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

/** Works out the ids of a field's parts. */
export function useFieldIds(id: string | undefined, hint: unknown, error: unknown): FieldIds {
  const generated = useId();
  const controlId = id ?? `bos${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

/** An error under a label: the hidden prefix makes screen readers say "Kesalahan:" first. */
export function ErrorMessage({
  id,
  children,
  locale,
}: {
  id: string | undefined;
  children: ReactNode;
  locale?: Locale;
}) {
  const { t } = useI18n(locale);
  return (
    <p id={id} className="bos-error-message">
      <span className="bos-visually-hidden">{t('form.errorPrefix')} </span>
      {children}
    </p>
  );
}

/** Label, hint and error around any control; used by every field of the kit. */
export function FieldShell({
  ids,
  label,
  hint,
  error,
  optional,
  locale,
  className,
  children,
}: BaseFieldProps & { ids: FieldIds; children: ReactNode }) {
  const { t } = useI18n(locale);
  return (
    <div
      className={['bos-field', error ? 'bos-field--error' : '', className ?? ''].join(' ').trim()}
    >
      <label className="bos-label" htmlFor={ids.controlId}>
        {label}
        {optional ? <span className="bos-optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <div id={ids.hintId} className="bos-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <ErrorMessage id={ids.errorId} locale={locale}>
          {error}
        </ErrorMessage>
      ) : null}
      {children}
    </div>
  );
}

/** Props of {@link TextField}. */
export interface TextFieldProps
  extends BaseFieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string;
  onValueChange: (value: string) => void;
  /** Width in characters (GOV.UK-style fixed widths help people guess the expected length). */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
}

/**
 * A labelled text input with hint and error.
 *
 * @example
 * ```tsx
 * <TextField label="Nama lengkap" value={name} onValueChange={setName} error={errors.name} />
 * ```
 */
export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  locale,
  className,
  value,
  onValueChange,
  width,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldShell ids={ids} {...{ label, hint, error, optional, locale, className }}>
      <input
        {...input}
        id={ids.controlId}
        className={`bos-input${width ? ` bos-input--w${width}` : ''}`}
        value={value}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={optional ? undefined : true}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onValueChange(event.target.value)}
      />
    </FieldShell>
  );
}

/** Props of {@link TextAreaField}. */
export interface TextAreaFieldProps
  extends BaseFieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string;
  onValueChange: (value: string) => void;
  /** Extra content under the control (a character count). */
  after?: ReactNode;
  /** Extra ids the textarea is described by (the count's). */
  extraDescribedBy?: string;
}

/**
 * A labelled multi-line text field.
 *
 * @example
 * ```tsx
 * <TextAreaField label="Catatan" optional value={notes} onValueChange={setNotes} />
 * ```
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  optional,
  locale,
  className,
  value,
  onValueChange,
  after,
  extraDescribedBy,
  rows = 5,
  ...textarea
}: TextAreaFieldProps) {
  const ids = useFieldIds(id, hint, error);
  const describedBy = [ids.describedBy, extraDescribedBy].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell ids={ids} {...{ label, hint, error, optional, locale, className }}>
      <textarea
        {...textarea}
        id={ids.controlId}
        rows={rows}
        className="bos-textarea"
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={optional ? undefined : true}
        onChange={(event) => onValueChange(event.target.value)}
      />
      {after}
    </FieldShell>
  );
}

/** One option of a select or radio group. */
export interface Option {
  value: string;
  label: string;
  /** A sentence under a radio's label. */
  hint?: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps extends BaseFieldProps {
  value: string;
  onValueChange: (value: string) => void;
  options: readonly Option[];
  /** The first, empty option's text ("Pilih…"). */
  placeholder?: string;
  disabled?: boolean;
  busy?: boolean;
  name?: string;
}

/**
 * A labelled native select: the most reliable choice on cheap phones and with screen readers.
 *
 * @example
 * ```tsx
 * <SelectField label="Agama" value={religion} onValueChange={setReligion}
 *   options={[{ value: 'ISLAM', label: 'Islam' }]} />
 * ```
 */
export function SelectField({
  id,
  label,
  hint,
  error,
  optional,
  locale,
  className,
  value,
  onValueChange,
  options,
  placeholder,
  disabled,
  busy,
  name,
}: SelectFieldProps) {
  const { t } = useI18n(locale);
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldShell ids={ids} {...{ label, hint, error, optional, locale, className }}>
      <select
        id={ids.controlId}
        name={name}
        className="bos-select"
        value={value}
        disabled={disabled}
        aria-busy={busy ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={optional ? undefined : true}
        onChange={(event) => onValueChange(event.target.value)}
      >
        <option value="">{busy ? t('form.loading') : (placeholder ?? t('form.choose'))}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Props of {@link RadioGroupField}. */
export interface RadioGroupFieldProps extends Omit<BaseFieldProps, 'label'> {
  legend: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly Option[];
  /** Lay short options side by side. */
  inline?: boolean;
  name?: string;
}

/**
 * A fieldset of radios with a legend, hint and error: for short lists of choices.
 *
 * @example
 * ```tsx
 * <RadioGroupField legend="Jenis kelamin" value={sex} onValueChange={setSex}
 *   options={[{ value: 'L', label: 'Laki-laki' }, { value: 'P', label: 'Perempuan' }]} inline />
 * ```
 */
export function RadioGroupField({
  id,
  legend,
  hint,
  error,
  optional,
  locale,
  className,
  value,
  onValueChange,
  options,
  inline,
  name,
}: RadioGroupFieldProps) {
  const { t } = useI18n(locale);
  const ids = useFieldIds(id, hint, error);
  const groupName = name ?? ids.controlId;
  return (
    <div
      className={['bos-field', error ? 'bos-field--error' : '', className ?? ''].join(' ').trim()}
    >
      <fieldset
        className="bos-fieldset"
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      >
        <legend className="bos-legend">
          {legend}
          {optional ? <span className="bos-optional"> {t('form.optional')}</span> : null}
        </legend>
        {hint ? (
          <div id={ids.hintId} className="bos-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <ErrorMessage id={ids.errorId} locale={locale}>
            {error}
          </ErrorMessage>
        ) : null}
        <div className={`bos-radios${inline ? ' bos-radios--inline' : ''}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? ids.controlId : `${ids.controlId}-${index}`;
            const optionHintId = option.hint ? `${optionId}-item-hint` : undefined;
            return (
              <div className="bos-radio" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={groupName}
                  value={option.value}
                  checked={value === option.value}
                  aria-describedby={optionHintId}
                  onChange={() => onValueChange(option.value)}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <div id={optionHintId} className="bos-hint bos-radio__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

/** One labelled checkbox with an optional hint. */
export function CheckboxField({ id, label, hint, checked, onCheckedChange }: CheckboxFieldProps) {
  const ids = useFieldIds(id, hint, undefined);
  return (
    <div className="bos-field bos-checkbox">
      <input
        type="checkbox"
        id={ids.controlId}
        checked={checked}
        aria-describedby={ids.describedBy}
        onChange={(event) => onCheckedChange(event.target.checked)}
      />
      <label htmlFor={ids.controlId}>{label}</label>
      {ids.hintId ? (
        <div id={ids.hintId} className="bos-hint bos-radio__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
