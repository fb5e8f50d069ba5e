import { useI18n } from '../i18n/I18nProvider.js';
import { enumLabel } from '../i18n/labels.js';
import type { Locale } from '../i18n/messages.js';
import type { FieldErrorMap } from '../problem/problem.js';
import { RadioGroupField, SelectField, TextField } from './Field.js';
import { controlId } from './ids.js';

/** The contract's `Person` while it is being filled in (everything may still be missing). */
export interface PersonValue {
  name?: string;
  sex?: 'L' | 'P';
  birthPlace?: string;
  birthDate?: string;
  religion?: string;
  occupation?: string;
  phone?: string;
  address?: { street?: string; rt?: string; rw?: string; desaCode?: string };
}

/** The religions of the contract's `Religion` enum. */
export const RELIGIONS = [
  'ISLAM',
  'KRISTEN',
  'KATOLIK',
  'HINDU',
  'BUDDHA',
  'KONGHUCU',
  'KEPERCAYAAN',
] as const;

/** Props of {@link PersonBlock}. */
export interface PersonBlockProps {
  value: PersonValue;
  onChange: (value: PersonValue) => void;
  /** Errors keyed by the path inside the person (`name`, `address.street`). */
  errors?: FieldErrorMap;
  legend?: string;
  /** Controls get ids `<idPrefix>-name`, `<idPrefix>-address-street`, ... */
  idPrefix: string;
  /** Ask for the address (on by default). */
  withAddress?: boolean;
  locale?: Locale;
}

/** Sets (or, when empty, removes) one property of an object, immutably. */
function setOrDrop<T extends object, K extends keyof T>(
  object: T,
  key: K,
  value: T[K] | '' | undefined,
): T {
  const next = { ...object };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as T[K];
  return next;
}

/**
 * A resident's details (name, sex, birth, religion, job, phone, address), as the contract's
 * `Person`. Personal data (UU 27/2022): the fields say nothing is required beyond name and sex.
 *
 * @example
 * ```tsx
 * <PersonBlock idPrefix="head" value={person} onChange={setPerson} errors={errorsUnder(errors, 'details.headOfHousehold')} />
 * ```
 */
export function PersonBlock({
  value,
  onChange,
  errors = {},
  legend,
  idPrefix,
  withAddress = true,
  locale,
}: PersonBlockProps) {
  const { t, locale: current } = useI18n(locale);
  const id = (path: string) => controlId(idPrefix, path);
  const set = <K extends keyof PersonValue>(key: K, v: PersonValue[K] | '') =>
    onChange(setOrDrop(value, key, v));
  const address = value.address ?? {};
  const setAddress = (key: 'street' | 'rt' | 'rw', v: string) => {
    const next = setOrDrop(address, key, v);
    onChange(setOrDrop(value, 'address', Object.keys(next).length ? next : undefined));
  };
  return (
    <fieldset className="bos-fieldset bos-person">
      <legend className="bos-legend bos-legend--m">{legend ?? t('person.legend')}</legend>
      <TextField
        id={id('name')}
        label={t('person.name')}
        locale={locale}
        autoComplete="off"
        value={value.name ?? ''}
        error={errors.name}
        onValueChange={(v) => set('name', v)}
      />
      <RadioGroupField
        id={id('sex')}
        legend={t('person.sex')}
        locale={locale}
        inline
        value={value.sex ?? ''}
        error={errors.sex}
        options={(['L', 'P'] as const).map((s) => ({ value: s, label: enumLabel(s, current) }))}
        onValueChange={(v) => set('sex', v as 'L' | 'P')}
      />
      <div className="bos-row">
        <TextField
          id={id('birthPlace')}
          label={t('person.birthPlace')}
          optional
          locale={locale}
          autoComplete="off"
          value={value.birthPlace ?? ''}
          error={errors.birthPlace}
          onValueChange={(v) => set('birthPlace', v)}
        />
        <TextField
          id={id('birthDate')}
          type="date"
          label={t('person.birthDate')}
          optional
          locale={locale}
          value={value.birthDate ?? ''}
          error={errors.birthDate}
          onValueChange={(v) => set('birthDate', v)}
        />
      </div>
      <SelectField
        id={id('religion')}
        label={t('person.religion')}
        optional
        locale={locale}
        value={value.religion ?? ''}
        error={errors.religion}
        options={RELIGIONS.map((r) => ({ value: r, label: enumLabel(r, current) }))}
        onValueChange={(v) => set('religion', v)}
      />
      <TextField
        id={id('occupation')}
        label={t('person.occupation')}
        optional
        locale={locale}
        autoComplete="off"
        value={value.occupation ?? ''}
        error={errors.occupation}
        onValueChange={(v) => set('occupation', v)}
      />
      <TextField
        id={id('phone')}
        type="tel"
        inputMode="tel"
        label={t('person.phone')}
        hint={t('person.phoneHint')}
        optional
        locale={locale}
        autoComplete="off"
        width={20}
        value={value.phone ?? ''}
        error={errors.phone}
        onValueChange={(v) => set('phone', v.replace(/[\s-]/g, ''))}
      />
      {withAddress ? (
        <fieldset className="bos-fieldset bos-fieldset--nested">
          <legend className="bos-legend">
            {t('person.address')} <span className="bos-optional">{t('form.optional')}</span>
          </legend>
          <TextField
            id={id('address.street')}
            label={t('person.street')}
            locale={locale}
            autoComplete="off"
            value={address.street ?? ''}
            error={errors['address.street'] ?? errors.address}
            onValueChange={(v) => setAddress('street', v)}
          />
          <div className="bos-row">
            <TextField
              id={id('address.rt')}
              label={t('region.rt')}
              optional
              locale={locale}
              inputMode="numeric"
              width={3}
              maxLength={3}
              value={address.rt ?? ''}
              error={errors['address.rt']}
              onValueChange={(v) => setAddress('rt', v)}
            />
            <TextField
              id={id('address.rw')}
              label={t('region.rw')}
              optional
              locale={locale}
              inputMode="numeric"
              width={3}
              maxLength={3}
              value={address.rw ?? ''}
              error={errors['address.rw']}
              onValueChange={(v) => setAddress('rw', v)}
            />
          </div>
        </fieldset>
      ) : null}
    </fieldset>
  );
}
