import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import type { FieldErrorMap } from '../problem/problem.js';
import { SelectField, TextField } from './Field.js';
import { type Region, type RegionSource, regionChain } from './region-source.js';

export {
  apiRegionSource,
  type Region,
  type RegionLevel,
  type RegionPageLike,
  type RegionQuery,
  type RegionSource,
  regionChain,
  staticRegionSource,
} from './region-source.js';

/** The picker's value: the deepest region chosen so far, and RT/RW. */
export interface RegionPickerValue {
  /** `63`, `63.08`, `63.08.05` or a desa's `63.08.05.1002`; null when nothing is chosen. */
  code: string | null;
  rt?: string;
  rw?: string;
}

/** Props of {@link RegionPicker}. */
export interface RegionPickerProps {
  source: RegionSource;
  value: RegionPickerValue;
  onChange: (value: RegionPickerValue) => void;
  /** Errors keyed `desaCode`, `rt`, `rw` (as in the contract's `Location`). */
  errors?: FieldErrorMap;
  /** Ask for RT and RW after the desa (on by default). */
  showRtRw?: boolean;
  /** Prefix of the controls' ids: `<prefix>-desaCode`, `<prefix>-rt`, `<prefix>-rw`. */
  idPrefix?: string;
  legend?: string;
  locale?: Locale;
}

/** The four levels of the cascade: label key and the id suffix of the select. */
const LEVELS: readonly { key: MessageKey; suffix: string }[] = [
  { key: 'region.provinsi', suffix: 'provinsi' },
  { key: 'region.kabupaten', suffix: 'kabupaten' },
  { key: 'region.kecamatan', suffix: 'kecamatan' },
  { key: 'region.desa', suffix: 'desaCode' },
];

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; items: Region[] }
  | { status: 'failed' };

/** Is `code` a desa/kelurahan code (four parts)? */
export function isDesaCode(code: string | null | undefined): code is string {
  return typeof code === 'string' && /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code);
}

/**
 * Provinsi → kabupaten/kota → kecamatan → desa/kelurahan, then RT/RW. Each list loads from
 * `source` when its parent is chosen; changing a level clears the levels below it. Native
 * selects, so it works with a phone's picker and a screen reader.
 *
 * @example
 * ```tsx
 * const [value, setValue] = useState<RegionPickerValue>({ code: null });
 * <RegionPicker source={staticRegionSource(sampleRegions)} value={value} onChange={setValue} />
 * ```
 */
export function RegionPicker({
  source,
  value,
  onChange,
  errors = {},
  showRtRw = true,
  idPrefix,
  legend,
  locale,
}: RegionPickerProps) {
  const { t } = useI18n(locale);
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const prefix = idPrefix ?? `bos-region${generated}`;
  const chain = regionChain(value.code);
  const [lists, setLists] = useState<Record<string, ListState>>({});
  const [reload, setReload] = useState(0);

  const parents: (string | null)[] = [null, chain[0] ?? null, chain[1] ?? null, chain[2] ?? null];
  const needed = parents.filter((parent, index) => index === 0 || parent !== null);
  const neededKey = needed.map((parent) => parent ?? '').join('|');

  // Parents asked for (or answered) with the current source; a failed one is dropped so a retry asks again.
  const requested = useRef<{ source: RegionSource; keys: Set<string> }>({
    source,
    keys: new Set(),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` re-runs the effect after a retry
  useEffect(() => {
    if (requested.current.source !== source) {
      requested.current = { source, keys: new Set() };
      setLists({});
    }
    const asked = requested.current;
    for (const key of neededKey.split('|')) {
      if (asked.keys.has(key)) continue;
      asked.keys.add(key);
      setLists((now) => ({ ...now, [key]: { status: 'loading' } }));
      source(key === '' ? null : key).then(
        (items) => {
          if (requested.current === asked)
            setLists((now) => ({ ...now, [key]: { status: 'ready', items } }));
        },
        () => {
          asked.keys.delete(key);
          if (requested.current === asked)
            setLists((now) => ({ ...now, [key]: { status: 'failed' } }));
        },
      );
    }
  }, [neededKey, source, reload]);

  const retry = useCallback(() => setReload((n) => n + 1), []);

  const choose = (level: number, code: string) => {
    // Choosing a level keeps the ancestors and drops everything below, RT/RW included.
    const next: RegionPickerValue = {
      code: code || (level > 0 ? (chain[level - 1] ?? null) : null),
    };
    if (level === 3 && code && value.rt) next.rt = value.rt;
    if (level === 3 && code && value.rw) next.rw = value.rw;
    onChange(next);
  };

  const anyFailed = needed.some((parent) => lists[parent ?? '']?.status === 'failed');

  return (
    <fieldset className="bos-fieldset bos-region">
      <legend className="bos-legend">{legend ?? t('region.legend')}</legend>
      {anyFailed ? (
        <div className="bos-inline-problem">
          <p>{t('region.loadFailed')}</p>
          <button type="button" className="bos-button bos-button--secondary" onClick={retry}>
            {t('region.retry')}
          </button>
        </div>
      ) : null}
      {LEVELS.map((level, index) => {
        const parent = parents[index] ?? null;
        const enabled = index === 0 || parent !== null;
        const state = enabled ? lists[parent ?? ''] : undefined;
        const items = state?.status === 'ready' ? state.items : [];
        const parentLabel = index > 0 ? t(LEVELS[index - 1]?.key ?? 'region.provinsi') : '';
        return (
          <SelectField
            key={level.suffix}
            id={`${prefix}-${level.suffix}`}
            label={t(level.key)}
            locale={locale}
            value={chain[index] ?? ''}
            onValueChange={(code) => choose(index, code)}
            options={items.map((region) => ({ value: region.code, label: region.name }))}
            disabled={!enabled || state?.status !== 'ready'}
            busy={state?.status === 'loading'}
            placeholder={
              enabled ? undefined : t('region.chooseParentFirst', { parent: parentLabel })
            }
            error={index === 3 ? errors.desaCode : undefined}
          />
        );
      })}
      {showRtRw ? (
        <div className="bos-row">
          <TextField
            id={`${prefix}-rt`}
            label={t('region.rt')}
            hint={t('region.rtrwHint')}
            optional
            locale={locale}
            inputMode="numeric"
            width={3}
            maxLength={3}
            value={value.rt ?? ''}
            error={errors.rt}
            onValueChange={(rt) => onChange(withPart(value, 'rt', rt))}
          />
          <TextField
            id={`${prefix}-rw`}
            label={t('region.rw')}
            hint={t('region.rtrwHint')}
            optional
            locale={locale}
            inputMode="numeric"
            width={3}
            maxLength={3}
            value={value.rw ?? ''}
            error={errors.rw}
            onValueChange={(rw) => onChange(withPart(value, 'rw', rw))}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

function withPart(value: RegionPickerValue, part: 'rt' | 'rw', text: string): RegionPickerValue {
  const next = { ...value };
  if (text) next[part] = text;
  else delete next[part];
  return next;
}
