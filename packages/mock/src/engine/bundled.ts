import { specFingerprint } from './ajv-options.js';
import { SPEC_FINGERPRINT } from './contract-fingerprint.gen.js';

const fingerprinted = new WeakMap<object, boolean>();

/**
 * Is this document the one the validators were precompiled from? Computed once per document
 * (it serialises the whole contract) and shared by the engine and `@bosv2/mock/validators`.
 * Light on purpose: no faker, no validators, so a page's forms chunk can ask too.
 */
export function isPrecompiledSpec(doc: object): boolean {
  let same = fingerprinted.get(doc);
  if (same === undefined) {
    same = specFingerprint(doc) === SPEC_FINGERPRINT;
    fingerprinted.set(doc, same);
  }
  return same;
}
