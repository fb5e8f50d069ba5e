export { ActivityForm, type ActivityFormProps } from './ActivityForm.js';
export { ContractForm, type ContractFormProps } from './ContractForm.js';
export {
  activityHints,
  commonHints,
  defaultSections,
  type FieldHint,
  type FormSection,
  formHints,
  hintsFor,
  type TypeHints,
  type WidgetName,
} from './hints.js';
export { getAt, setAt } from './paths.js';
export {
  type AttachmentKind,
  autoWidget,
  SchemaField,
  type SchemaFieldProps,
  type SchemaFormContext,
  schemaAt,
  type UploadAttachment,
} from './SchemaForm.js';
export {
  type ActivityVariant,
  activityVariants,
  initialValue,
  type JsonSchema,
  type PrecompiledValidators,
  pruneEmpty,
  registerPrecompiledValidators,
  resolveSchema,
  type SchemaDocument,
  toFieldErrors,
  validateActivity,
  validateSchemaByName,
} from './schema.js';
