/**
 * Draws a form from a resolved JSON Schema with layout hints. The schema decides the control
 * (enum → radios or select, date → date input, long text → textarea, uraian → UraianField,
 * objects → fieldsets, arrays → repeatable groups); a hint's widget overrides it.
 */
import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  CheckboxField,
  ErrorMessage,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/Field.js';
import { type Grading, GradingPicker } from '../components/GradingPicker.js';
import { HouseholdEditor, type HouseholdMemberValue } from '../components/HouseholdEditor.js';
import { controlId } from '../components/ids.js';
import { KeywordInput } from '../components/KeywordInput.js';
import {
  type GeoPoint,
  LocationCapture,
  type PositionSource,
} from '../components/LocationCapture.js';
import { PersonBlock, type PersonValue } from '../components/PersonBlock.js';
import {
  type DownscaledImage,
  PhotoCapture,
  type PhotoCaptureProps,
} from '../components/PhotoCapture.js';
import { isDesaCode, RegionPicker, type RegionPickerValue } from '../components/RegionPicker.js';
import type { RegionSource } from '../components/region-source.js';
import { UraianField } from '../components/UraianField.js';
import { enumLabel, propertyLabel } from '../i18n/labels.js';
import type { Locale, MessageKey, MessageParams } from '../i18n/messages.js';
import { errorsUnder, type FieldErrorMap } from '../problem/problem.js';
import { localToRfc3339, rfc3339ToLocal } from './datetime.js';
import type { FieldHint, WidgetName } from './hints.js';
import { genericPath, getAt, lastName } from './paths.js';
import { isObjectSchema, type JsonSchema } from './schema.js';

/** The kinds of attachment the contract's `AttachmentKind` has. */
export type AttachmentKind = 'PHOTO' | 'SIGNED_AGREEMENT' | 'DOCUMENT';

/** Uploads a file first (`POST /attachments`) and gives its id, for the `*AttachmentId(s)` fields. */
export type UploadAttachment = (file: Blob, kind: AttachmentKind) => Promise<string>;

/** What every drawn field needs from the form. */
export interface SchemaFormContext {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  fields: Record<string, FieldHint>;
  errors: FieldErrorMap;
  idPrefix: string;
  root: Record<string, unknown>;
  set: (path: string, value: unknown) => void;
  /** Paths drawn by a section of their own, skipped where their parent is drawn. */
  claimed: ReadonlySet<string>;
  regionSource?: RegionSource | undefined;
  uploadAttachment?: UploadAttachment | undefined;
  positionSource?: PositionSource | undefined;
  simulatedPosition?: boolean | undefined;
  /** Replaces the photo downscale (a worker-based version, or tests). */
  downscalePhoto?: PhotoCaptureProps['downscale'] | undefined;
}

/** The schema of a property path inside a schema, and whether its parent requires it. */
export function schemaAt(
  schema: JsonSchema,
  path: string,
): { schema: JsonSchema; required: boolean } | null {
  let node: JsonSchema | undefined = schema;
  let required = true;
  for (const part of path.split('.')) {
    if (!node) return null;
    if (/^\d+$/.test(part)) {
      node = node.items;
      required = true;
      continue;
    }
    // A field inside an optional group is optional too: the officer may leave the whole group.
    required = required && (node.required ?? []).includes(part);
    node = node.properties?.[part];
  }
  return node ? { schema: node, required } : null;
}

function labelOf(ctx: SchemaFormContext, path: string): string {
  const hint = ctx.fields[genericPath(path)];
  return hint?.label?.[ctx.locale] ?? propertyLabel(lastName(path), ctx.locale);
}

/**
 * A field's name for an error summary, with its group when the name alone is ambiguous:
 * `details.householdMembers.1.name` → "Anggota keluarga 2 › Nama".
 */
export function summaryLabel(
  ctx: Pick<SchemaFormContext, 'fields' | 'locale'>,
  path: string,
): string {
  const parts = path.split('.');
  const named: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (/^\d+$/.test(part)) {
      if (named.length) named[named.length - 1] += ` ${Number(part) + 1}`;
      continue;
    }
    if (i === 0 && part === 'details' && parts.length > 1) continue;
    named.push(labelOf(ctx as SchemaFormContext, parts.slice(0, i + 1).join('.')));
  }
  return named.slice(-2).join(' › ');
}

function hintOf(ctx: SchemaFormContext, path: string): string | undefined {
  return ctx.fields[genericPath(path)]?.hint?.[ctx.locale];
}

const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

function isTypeOf(schema: JsonSchema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

/** The widget a schema gets when no hint names one. */
export function autoWidget(
  schema: JsonSchema,
  path: string,
):
  | WidgetName
  | 'object'
  | 'array'
  | 'strings'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time' {
  if (schema.const !== undefined) return 'hidden';
  const props = schema.properties ?? {};
  if (isObjectSchema(schema)) {
    if ('lat' in props && 'lng' in props) return 'geopoint';
    if ((schema.required ?? []).includes('desaCode') && 'rt' in props) return 'location';
    if ('name' in props && 'sex' in props && 'religion' in props) return 'person';
    return 'object';
  }
  if (isTypeOf(schema, 'array')) {
    const items = schema.items ?? {};
    if (isObjectSchema(items)) {
      const itemProps = items.properties ?? {};
      if ('relation' in itemProps && 'sex' in itemProps && 'name' in itemProps) return 'household';
      return 'array';
    }
    if (items.format === 'uuid') return 'photos';
    if (/(^|\.)keywords$/.test(path)) return 'keywords';
    return 'strings';
  }
  if (isTypeOf(schema, 'boolean')) return 'boolean';
  if (isTypeOf(schema, 'integer') || isTypeOf(schema, 'number')) return 'number';
  if (schema.enum) return schema.enum.length <= 4 ? 'radios' : 'select';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  if (schema.pattern === TIME_PATTERN) return 'time';
  if (schema.format === 'uuid') return /AttachmentId$/.test(path) ? 'attachment' : 'hidden';
  // An optional desa code outside a Location (an address's) follows the report's location.
  if (lastName(path) === 'desaCode') return 'hidden';
  if ((schema.minLength ?? 0) >= 50) return 'uraian';
  if ((schema.maxLength ?? 0) >= 1000) return 'textarea';
  return 'text';
}

/** Props of {@link SchemaField}. */
export interface SchemaFieldProps {
  schema: JsonSchema;
  path: string;
  required: boolean;
  ctx: SchemaFormContext;
  /** Draw an object's fields without a fieldset (a section already titles them). */
  flat?: boolean;
}

/** Which of an object's properties to draw, in order. */
function visibleChildren(schema: JsonSchema, path: string, ctx: SchemaFormContext): string[] {
  const names = Object.keys(schema.properties ?? {});
  const order = ctx.fields[genericPath(path)]?.order ?? [];
  const sorted = [
    ...order.filter((n) => names.includes(n)),
    ...names.filter((n) => !order.includes(n)),
  ];
  return sorted.filter((name) => {
    const childPath = path ? `${path}.${name}` : name;
    if (ctx.claimed.has(childPath)) return false;
    const child = schema.properties?.[name] as JsonSchema;
    const widget = ctx.fields[genericPath(childPath)]?.widget ?? autoWidget(child, childPath);
    if (widget === 'hidden') return false;
    if (widget === 'photos' && !ctx.uploadAttachment) return false;
    return true;
  });
}

/** Does the field draw anything (used to leave out empty sections)? */
export function drawsSomething(schema: JsonSchema, path: string, ctx: SchemaFormContext): boolean {
  const widget = ctx.fields[genericPath(path)]?.widget ?? autoWidget(schema, path);
  if (widget === 'hidden') return false;
  if (widget === 'photos' && !ctx.uploadAttachment) return false;
  if (widget === 'object') return visibleChildren(schema, path, ctx).length > 0;
  return true;
}

/**
 * One field of a schema form, drawn by its widget.
 */
export function SchemaField({ schema, path, required, ctx, flat }: SchemaFieldProps): ReactNode {
  const widget = ctx.fields[genericPath(path)]?.widget ?? autoWidget(schema, path);
  const id = controlId(ctx.idPrefix, path);
  const label = labelOf(ctx, path);
  const hint = hintOf(ctx, path);
  const error = ctx.errors[path];
  const value = getAt(ctx.root, path);
  const optional = !required;
  const setText = (text: string) => ctx.set(path, text === '' ? undefined : text);

  switch (widget) {
    case 'hidden':
      return null;
    case 'person':
      return (
        <PersonBlock
          idPrefix={id}
          legend={label}
          locale={ctx.locale}
          value={(value as PersonValue) ?? {}}
          errors={{ ...errorsUnder(ctx.errors, path), ...(error ? { name: error } : {}) }}
          onChange={(person) => ctx.set(path, person)}
        />
      );
    case 'household':
      return (
        <HouseholdEditor
          idPrefix={id}
          legend={label}
          locale={ctx.locale}
          max={schema.maxItems ?? 30}
          value={(value as HouseholdMemberValue[]) ?? []}
          errors={errorsUnder(ctx.errors, path)}
          onChange={(members) => ctx.set(path, members.length ? members : undefined)}
        />
      );
    case 'location':
      return (
        <LocationWidget schema={schema} path={path} ctx={ctx} label={label} required={required} />
      );
    case 'geopoint':
      return (
        <LocationCapture
          id={id}
          label={label}
          locale={ctx.locale}
          value={(value as GeoPoint) ?? null}
          error={error ?? errorsUnder(ctx.errors, path).lat}
          source={ctx.positionSource}
          simulated={ctx.simulatedPosition}
          onChange={(point) => ctx.set(path, point ?? undefined)}
        />
      );
    case 'photos':
      return ctx.uploadAttachment ? (
        <PhotosWidget
          path={path}
          ctx={ctx}
          label={label}
          error={error}
          max={schema.maxItems ?? 1}
        />
      ) : null;
    case 'attachment':
      return (
        <AttachmentWidget
          path={path}
          ctx={ctx}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
        />
      );
    case 'grading': {
      // Draws the sibling `credibility` too: reliability and credibility are judged together.
      const parent = path.split('.').slice(0, -1).join('.');
      const sibling = (name: string) => (parent ? `${parent}.${name}` : name);
      const grading = {
        sourceReliability: getAt(ctx.root, sibling('sourceReliability')),
        credibility: getAt(ctx.root, sibling('credibility')),
      } as Grading;
      return (
        <GradingPicker
          idPrefix={parent ? controlId(ctx.idPrefix, parent) : ctx.idPrefix}
          locale={ctx.locale}
          value={grading}
          errors={{
            sourceReliability: ctx.errors[sibling('sourceReliability')],
            credibility: ctx.errors[sibling('credibility')],
          }}
          onChange={(next) => {
            ctx.set(sibling('sourceReliability'), next.sourceReliability);
            ctx.set(sibling('credibility'), next.credibility);
          }}
        />
      );
    }
    case 'receivedBy':
      return <ReceivedByWidget schema={schema} path={path} ctx={ctx} label={label} />;
    case 'keywords':
      return (
        <KeywordInput
          id={id}
          label={label}
          hint={hint}
          locale={ctx.locale}
          min={schema.minItems ?? 0}
          rules={{
            minLength: schema.items?.minLength ?? 2,
            maxLength: schema.items?.maxLength ?? 40,
            maxItems: schema.maxItems ?? 20,
          }}
          value={(value as string[]) ?? []}
          error={error}
          onChange={(keywords) => ctx.set(path, keywords)}
        />
      );
    case 'uraian':
      return (
        <UraianField
          id={id}
          label={label}
          locale={ctx.locale}
          min={schema.minLength ?? 50}
          max={schema.maxLength ?? 5000}
          value={(value as string) ?? ''}
          error={error}
          onValueChange={setText}
        />
      );
    case 'object': {
      const names = visibleChildren(schema, path, ctx);
      if (names.length === 0) return null;
      const children = names.map((name) => (
        <SchemaField
          key={name}
          schema={schema.properties?.[name] as JsonSchema}
          path={path ? `${path}.${name}` : name}
          required={required && (schema.required ?? []).includes(name)}
          ctx={ctx}
        />
      ));
      if (flat) return <>{children}</>;
      return (
        <fieldset className="bos-fieldset bos-fieldset--nested" id={id} tabIndex={-1}>
          <legend className="bos-legend bos-legend--m">
            {label}
            {optional ? <span className="bos-optional"> {ctx.t('form.optional')}</span> : null}
          </legend>
          {hint ? <p className="bos-hint">{hint}</p> : null}
          {error ? (
            <ErrorMessage id={`${id}-error`} locale={ctx.locale}>
              {error}
            </ErrorMessage>
          ) : null}
          {children}
        </fieldset>
      );
    }
    case 'array':
    case 'strings':
      return (
        <RepeatWidget
          schema={schema}
          path={path}
          ctx={ctx}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
        />
      );
    case 'boolean':
      return (
        <CheckboxField
          id={id}
          label={label}
          hint={hint}
          checked={value === true}
          onCheckedChange={(checked) => ctx.set(path, checked)}
        />
      );
    case 'number':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          inputMode="numeric"
          width={5}
          value={value === undefined || value === null ? '' : String(value)}
          onValueChange={(text) => {
            const trimmed = text.trim();
            if (trimmed === '') ctx.set(path, undefined);
            else if (/^-?\d+(\.\d+)?$/.test(trimmed)) ctx.set(path, Number(trimmed));
            else ctx.set(path, trimmed);
          }}
        />
      );
    case 'radios':
    case 'select': {
      const options = (schema.enum ?? []).map((option) => ({
        value: String(option),
        label: enumLabel(String(option), ctx.locale),
      }));
      const fromText = (text: string) => {
        const match = (schema.enum ?? []).find((option) => String(option) === text);
        ctx.set(path, text === '' ? undefined : match);
      };
      return widget === 'radios' ? (
        <RadioGroupField
          id={id}
          legend={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          inline={options.every((o) => o.label.length <= 12)}
          value={value === undefined ? '' : String(value)}
          options={options}
          onValueChange={fromText}
        />
      ) : (
        <SelectField
          id={id}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          value={value === undefined ? '' : String(value)}
          options={options}
          onValueChange={fromText}
        />
      );
    }
    case 'date':
    case 'time':
      return (
        <TextField
          id={id}
          type={widget}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          value={(value as string) ?? ''}
          onValueChange={setText}
        />
      );
    case 'datetime':
      return (
        <TextField
          id={id}
          type="datetime-local"
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          value={typeof value === 'string' ? rfc3339ToLocal(value) : ''}
          onValueChange={(text) => ctx.set(path, text ? localToRfc3339(text) : undefined)}
        />
      );
    case 'textarea':
      return (
        <TextAreaField
          id={id}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          rows={4}
          value={(value as string) ?? ''}
          onValueChange={setText}
        />
      );
    default:
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          locale={ctx.locale}
          type={lastName(path) === 'phone' ? 'tel' : 'text'}
          autoComplete="off"
          value={(value as string) ?? ''}
          onValueChange={setText}
        />
      );
  }
}

/** The contract's `Location`: the region cascade for desa/RT/RW, then the other fields. */
function LocationWidget({
  schema,
  path,
  ctx,
  label,
  required,
}: {
  schema: JsonSchema;
  path: string;
  ctx: SchemaFormContext;
  label: string;
  /** False when the location, or a group around it, is optional. */
  required: boolean;
}) {
  const value = (getAt(ctx.root, path) as Record<string, unknown> | undefined) ?? {};
  const [partial, setPartial] = useState<string | null>(null);
  const desaCode = typeof value.desaCode === 'string' ? value.desaCode : null;
  const errors = errorsUnder(ctx.errors, path);
  const rest = visibleChildren(schema, path, ctx).filter(
    (name) => !['desaCode', 'rt', 'rw'].includes(name),
  );
  const picker: RegionPickerValue = { code: desaCode ?? partial };
  if (typeof value.rt === 'string') picker.rt = value.rt;
  if (typeof value.rw === 'string') picker.rw = value.rw;
  return (
    <div className="bos-location-widget" id={controlId(ctx.idPrefix, path)} tabIndex={-1}>
      {ctx.regionSource ? (
        <RegionPicker
          idPrefix={controlId(ctx.idPrefix, path)}
          legend={label}
          locale={ctx.locale}
          source={ctx.regionSource}
          value={picker}
          errors={errors}
          onChange={(next) => {
            setPartial(next.code);
            const updated: Record<string, unknown> = { ...value };
            for (const [key, part] of [
              ['desaCode', isDesaCode(next.code) ? next.code : undefined],
              ['rt', next.rt],
              ['rw', next.rw],
            ] as const) {
              if (part) updated[key] = part;
              else delete updated[key];
            }
            ctx.set(path, updated);
          }}
        />
      ) : (
        ['desaCode', 'rt', 'rw'].map((name) =>
          schema.properties?.[name] ? (
            <SchemaFieldText
              key={name}
              path={`${path}.${name}`}
              ctx={ctx}
              required={required && (schema.required ?? []).includes(name)}
            />
          ) : null,
        )
      )}
      {rest.map((name) => (
        <SchemaField
          key={name}
          schema={schema.properties?.[name] as JsonSchema}
          path={`${path}.${name}`}
          required={required && (schema.required ?? []).includes(name)}
          ctx={ctx}
        />
      ))}
    </div>
  );
}

/** A plain text field for a path (the location's codes when no region source is given). */
function SchemaFieldText({
  path,
  ctx,
  required,
}: {
  path: string;
  ctx: SchemaFormContext;
  required: boolean;
}) {
  const value = getAt(ctx.root, path);
  return (
    <TextField
      id={controlId(ctx.idPrefix, path)}
      label={labelOf(ctx, path)}
      hint={lastName(path) === 'desaCode' ? '63.08.05.1002' : undefined}
      error={ctx.errors[path]}
      optional={!required}
      locale={ctx.locale}
      value={typeof value === 'string' ? value : ''}
      onValueChange={(text) => ctx.set(path, text === '' ? undefined : text)}
    />
  );
}

/** Repeatable groups (arrays of objects) and lists of short texts (arrays of strings). */
function RepeatWidget({
  schema,
  path,
  ctx,
  label,
  hint,
  error,
  optional,
}: {
  schema: JsonSchema;
  path: string;
  ctx: SchemaFormContext;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  optional: boolean;
}) {
  const items = (getAt(ctx.root, path) as unknown[] | undefined) ?? [];
  const itemSchema = schema.items ?? { type: 'string' };
  const id = controlId(ctx.idPrefix, path);
  const focusIndex = useRef<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    const target =
      focusIndex.current < 0
        ? addRef.current
        : document.getElementById(controlId(ctx.idPrefix, `${path}.${focusIndex.current}`));
    target?.focus();
    focusIndex.current = null;
  });
  const max = schema.maxItems ?? 50;
  return (
    <fieldset
      className={`bos-fieldset bos-fieldset--nested${error ? ' bos-field--error' : ''}`}
      id={id}
      tabIndex={-1}
    >
      <legend className="bos-legend bos-legend--m">
        {label}
        {optional ? <span className="bos-optional"> {ctx.t('form.optional')}</span> : null}
      </legend>
      {hint ? <p className="bos-hint">{hint}</p> : null}
      {error ? (
        <ErrorMessage id={`${id}-error`} locale={ctx.locale}>
          {error}
        </ErrorMessage>
      ) : null}
      {items.length === 0 ? <p className="bos-body">{ctx.t('form.noItems')}</p> : null}
      {items.map((_, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = `${label} ${index + 1}`;
        const remove = (
          <button
            type="button"
            className="bos-button bos-button--warning-secondary bos-button--small"
            onClick={() => {
              focusIndex.current = -1;
              const next = items.filter((__, i) => i !== index);
              ctx.set(path, next.length ? next : undefined);
            }}
          >
            {ctx.t('form.removeItem', { label, n: index + 1 })}
          </button>
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the contract's error paths are positional
          <Fragment key={index}>
            {isObjectSchema(itemSchema) ? (
              <fieldset
                className="bos-fieldset bos-fieldset--item"
                id={controlId(ctx.idPrefix, itemPath)}
                tabIndex={-1}
              >
                <legend className="bos-legend">{itemLabel}</legend>
                <SchemaField schema={itemSchema} path={itemPath} required ctx={ctx} flat />
                {remove}
              </fieldset>
            ) : (
              <div className="bos-repeat-row">
                <TextField
                  id={controlId(ctx.idPrefix, itemPath)}
                  label={itemLabel}
                  locale={ctx.locale}
                  autoComplete="off"
                  value={typeof items[index] === 'string' ? (items[index] as string) : ''}
                  error={ctx.errors[itemPath]}
                  onValueChange={(text) => ctx.set(itemPath, text)}
                />
                {remove}
              </div>
            )}
          </Fragment>
        );
      })}
      {items.length < max ? (
        <button
          ref={addRef}
          type="button"
          className="bos-button bos-button--secondary"
          onClick={() => {
            focusIndex.current = items.length;
            ctx.set(path, [...items, isObjectSchema(itemSchema) ? {} : '']);
          }}
        >
          {ctx.t('form.addItem', { label })}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * `attachmentIds`: photos, each downscaled and uploaded first, their ids kept in order; up to the
 * array's `maxItems` (10 in the contract). A new empty slot appears after each photo.
 */
function PhotosWidget({
  path,
  ctx,
  label,
  error,
  max,
}: {
  path: string;
  ctx: SchemaFormContext;
  label: string;
  error: string | undefined;
  max: number;
}) {
  const [photos, setPhotos] = useState<{ photo: DownscaledImage; id: string }[]>([]);
  const [busySlot, setBusySlot] = useState<number | null>(null);
  const [problem, setProblem] = useState<{ slot: number; message: string } | null>(null);
  const upload = ctx.uploadAttachment;
  const save = (next: { photo: DownscaledImage; id: string }[]) => {
    setPhotos(next);
    ctx.set(path, next.length > 0 ? next.map((p) => p.id) : undefined);
  };
  const slots = photos.length < max ? photos.length + 1 : photos.length;
  return (
    <div className="bos-photos" id={controlId(ctx.idPrefix, path)} tabIndex={-1}>
      {Array.from({ length: slots }, (_, slot) => {
        const current = photos[slot] ?? null;
        return (
          <PhotoCapture
            // Slots are positions; a removed photo shifts the ones after it.
            // biome-ignore lint/suspicious/noArrayIndexKey: the slot number is the identity here
            key={slot}
            id={
              slot === 0
                ? `${controlId(ctx.idPrefix, path)}-photo`
                : `${controlId(ctx.idPrefix, path)}-${slot}`
            }
            label={max > 1 ? ctx.t('photo.nth', { label, n: slot + 1, max }) : label}
            locale={ctx.locale}
            value={current?.photo ?? null}
            {...(ctx.downscalePhoto ? { downscale: ctx.downscalePhoto } : {})}
            busy={busySlot === slot}
            error={
              slot === 0 && error ? error : problem?.slot === slot ? problem.message : undefined
            }
            onChange={async (next) => {
              setProblem(null);
              if (!next || !upload) {
                save(photos.filter((_, i) => i !== slot));
                return;
              }
              setBusySlot(slot);
              try {
                const id = await upload(next.blob, 'PHOTO');
                const updated = [...photos];
                updated[slot] = { photo: next, id };
                save(updated);
              } catch {
                setProblem({ slot, message: ctx.t('attachment.failed') });
              } finally {
                setBusySlot(null);
              }
            }}
          />
        );
      })}
    </div>
  );
}

/** A single uploaded document (the signed agreement): a file input, or the id by hand without an uploader. */
function AttachmentWidget({
  path,
  ctx,
  label,
  hint,
  error,
  optional,
}: {
  path: string;
  ctx: SchemaFormContext;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  optional: boolean;
}) {
  const id = controlId(ctx.idPrefix, path);
  const value = getAt(ctx.root, path);
  const [status, setStatus] = useState<'idle' | 'uploading' | 'failed'>('idle');
  const upload = ctx.uploadAttachment;
  if (!upload) {
    return (
      <TextField
        id={id}
        label={`${label}: ${ctx.t('attachment.idLabel')}`}
        hint={hint}
        error={error}
        optional={optional}
        locale={ctx.locale}
        value={typeof value === 'string' ? value : ''}
        onValueChange={(text) => ctx.set(path, text === '' ? undefined : text)}
      />
    );
  }
  const statusText =
    status === 'uploading'
      ? ctx.t('attachment.uploading')
      : status === 'failed'
        ? ctx.t('attachment.failed')
        : typeof value === 'string'
          ? ctx.t('attachment.uploaded', { id: value.slice(0, 8) })
          : '';
  return (
    <div className={`bos-field${error ? ' bos-field--error' : ''}`}>
      <label className="bos-label" htmlFor={id}>
        {label}
        {optional ? <span className="bos-optional"> {ctx.t('form.optional')}</span> : null}
      </label>
      {hint ? <div className="bos-hint">{hint}</div> : null}
      {error ? (
        <ErrorMessage id={`${id}-error`} locale={ctx.locale}>
          {error}
        </ErrorMessage>
      ) : null}
      <input
        id={id}
        type="file"
        accept="image/*,application/pdf"
        className="bos-file-plain"
        aria-describedby={[error ? `${id}-error` : '', `${id}-status`].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        disabled={status === 'uploading'}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          setStatus('uploading');
          try {
            ctx.set(path, await upload(file, 'SIGNED_AGREEMENT'));
            setStatus('idle');
          } catch {
            setStatus('failed');
          }
        }}
      />
      <p id={`${id}-status`} className="bos-hint" aria-live="polite">
        {statusText}
      </p>
    </div>
  );
}

/** DDS `receivedBy`: usually the head of household, one tick instead of typing the name again. */
function ReceivedByWidget({
  schema,
  path,
  ctx,
  label,
}: {
  schema: JsonSchema;
  path: string;
  ctx: SchemaFormContext;
  label: string;
}) {
  const parent = path.split('.').slice(0, -1).join('.');
  const head = getAt(ctx.root, `${parent}.headOfHousehold`) as PersonValue | undefined;
  const value = getAt(ctx.root, path) as { name?: string; relation?: string } | undefined;
  const byHead = value?.relation === 'KEPALA_KELUARGA';
  // Keep the name in step with the head of household while the box is ticked.
  useEffect(() => {
    if (byHead && head?.name !== value?.name)
      ctx.set(path, { name: head?.name ?? '', relation: 'KEPALA_KELUARGA' });
  });
  return (
    <div className="bos-received-by">
      <CheckboxField
        id={`${controlId(ctx.idPrefix, path)}-byHead`}
        label={ctx.t('activity.receivedByHead')}
        checked={byHead}
        onCheckedChange={(checked) =>
          ctx.set(path, checked ? { name: head?.name ?? '', relation: 'KEPALA_KELUARGA' } : {})
        }
      />
      {byHead ? (
        (ctx.errors[`${path}.name`] ?? ctx.errors[path]) ? (
          <ErrorMessage id={`${controlId(ctx.idPrefix, path)}-error`} locale={ctx.locale}>
            {ctx.errors[`${path}.name`] ?? ctx.errors[path]}
          </ErrorMessage>
        ) : null
      ) : (
        <SchemaField
          schema={{ ...schema }}
          path={path}
          required
          ctx={{
            ...ctx,
            fields: { ...ctx.fields, [genericPath(path)]: { label: { id: label, en: label } } },
          }}
        />
      )}
    </div>
  );
}
