import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { enumLabel } from '../i18n/labels.js';
import type { Locale } from '../i18n/messages.js';
import type { FieldErrorMap } from '../problem/problem.js';
import { RadioGroupField, SelectField, TextField } from './Field.js';
import { controlId } from './ids.js';

/** The contract's `HouseholdMember` while it is being filled in. */
export interface HouseholdMemberValue {
  name?: string;
  sex?: 'L' | 'P';
  birthDate?: string;
  relation?: string;
  occupation?: string;
}

/** The relations of the contract's `HouseholdMember.relation` enum. */
export const RELATIONS = [
  'ISTRI',
  'SUAMI',
  'ANAK',
  'ORANG_TUA',
  'SAUDARA',
  'CUCU',
  'LAINNYA',
] as const;

/** Props of {@link HouseholdEditor}. */
export interface HouseholdEditorProps {
  value: readonly HouseholdMemberValue[];
  onChange: (members: HouseholdMemberValue[]) => void;
  /** Errors keyed `0.name`, `1.relation`, ... (paths inside the list). */
  errors?: FieldErrorMap;
  /** Controls get ids `<idPrefix>-0-name`, ... */
  idPrefix: string;
  max?: number;
  legend?: string;
  locale?: Locale;
}

/**
 * The household members (anggota keluarga) of a DDS visit: add, fill, remove. Focus moves to
 * the new member's name on add, and to the add button after a removal, so keyboard and screen
 * reader users never lose their place.
 *
 * @example
 * ```tsx
 * <HouseholdEditor idPrefix="members" value={members} onChange={setMembers} />
 * ```
 */
export function HouseholdEditor({
  value,
  onChange,
  errors = {},
  idPrefix,
  max = 30,
  legend,
  locale,
}: HouseholdEditorProps) {
  const { t, locale: current } = useI18n(locale);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'new' | 'add' | null>(null);
  const id = (index: number, key: string) => controlId(idPrefix, `${index}.${key}`);

  useEffect(() => {
    if (focusNext.current === 'new') document.getElementById(id(value.length - 1, 'name'))?.focus();
    if (focusNext.current === 'add') addRef.current?.focus();
    focusNext.current = null;
  });

  const update = (index: number, key: keyof HouseholdMemberValue, v: string) => {
    const next = value.map((member, i) => {
      if (i !== index) return member;
      const copy = { ...member } as Record<string, string>;
      if (v === '') delete copy[key];
      else copy[key] = v;
      return copy as HouseholdMemberValue;
    });
    onChange(next);
  };

  return (
    <fieldset className="bos-fieldset bos-household">
      <legend className="bos-legend bos-legend--m">{legend ?? t('household.legend')}</legend>
      {value.length === 0 ? <p className="bos-body">{t('household.empty')}</p> : null}
      {value.map((member, index) => (
        // Members have no id of their own; the position is what the contract's paths use too.
        // biome-ignore lint/suspicious/noArrayIndexKey: paths are positional
        <fieldset className="bos-fieldset bos-fieldset--item" key={index}>
          <legend className="bos-legend">{t('household.member', { n: index + 1 })}</legend>
          <TextField
            id={id(index, 'name')}
            label={t('person.name')}
            locale={locale}
            autoComplete="off"
            value={member.name ?? ''}
            error={errors[`${index}.name`]}
            onValueChange={(v) => update(index, 'name', v)}
          />
          <RadioGroupField
            id={id(index, 'sex')}
            legend={t('person.sex')}
            locale={locale}
            inline
            value={member.sex ?? ''}
            error={errors[`${index}.sex`]}
            options={(['L', 'P'] as const).map((s) => ({ value: s, label: enumLabel(s, current) }))}
            onValueChange={(v) => update(index, 'sex', v)}
          />
          <SelectField
            id={id(index, 'relation')}
            label={t('person.relation')}
            locale={locale}
            value={member.relation ?? ''}
            error={errors[`${index}.relation`]}
            options={RELATIONS.map((r) => ({ value: r, label: enumLabel(r, current) }))}
            onValueChange={(v) => update(index, 'relation', v)}
          />
          <TextField
            id={id(index, 'birthDate')}
            type="date"
            label={t('person.birthDate')}
            optional
            locale={locale}
            value={member.birthDate ?? ''}
            error={errors[`${index}.birthDate`]}
            onValueChange={(v) => update(index, 'birthDate', v)}
          />
          <TextField
            id={id(index, 'occupation')}
            label={t('person.occupation')}
            optional
            locale={locale}
            autoComplete="off"
            value={member.occupation ?? ''}
            error={errors[`${index}.occupation`]}
            onValueChange={(v) => update(index, 'occupation', v)}
          />
          <button
            type="button"
            className="bos-button bos-button--warning-secondary"
            onClick={() => {
              focusNext.current = 'add';
              onChange(value.filter((_, i) => i !== index));
            }}
          >
            {t('household.remove', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      {value.length < max ? (
        <button
          ref={addRef}
          type="button"
          className="bos-button bos-button--secondary"
          onClick={() => {
            focusNext.current = 'new';
            onChange([...value, {}]);
          }}
        >
          {t('household.add')}
        </button>
      ) : (
        <p className="bos-hint">{t('household.max', { max })}</p>
      )}
    </fieldset>
  );
}
