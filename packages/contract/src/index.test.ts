import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { HTTP_METHODS, listOperations, loadSpec, specPath, specYamlPath } from './index.js';

const require = createRequire(import.meta.url);

describe('the package entry', () => {
  test('points at the bundled contract in dist/', () => {
    expect(isAbsolute(specPath)).toBe(true);
    expect(specPath.endsWith('/dist/openapi.json')).toBe(true);
    expect(specYamlPath.endsWith('/dist/openapi.yaml')).toBe(true);
    expect(existsSync(specPath) && existsSync(specYamlPath)).toBe(true);
  });

  test('loads the document once and returns the same object after', () => {
    const spec = loadSpec();
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(loadSpec()).toBe(spec);
  });

  test('ships the same document as JSON and as YAML', () => {
    expect(parse(readFileSync(specYamlPath, 'utf8'))).toEqual(loadSpec());
  });

  test('lists every operation with its SDK group and method', () => {
    const operations = listOperations();
    const counted = Object.values(loadSpec().paths).flatMap((item) =>
      HTTP_METHODS.filter((m) => item[m] !== undefined),
    );
    expect(operations).toHaveLength(counted.length);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.tag, op.operationId).not.toBe('');
      expect(op.sdkMethod, op.operationId).not.toBe('');
      expect(op.isPublic, op.operationId).toBe(op.roles.length === 0);
    }
  });

  test('reads operations of any document it is given', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': {
          parameters: [],
          put: {
            operationId: 'replaceA',
            tags: ['as'],
            'x-sdk-method': 'replace',
            'x-roles': ['admin'],
          },
          get: {
            operationId: 'getA',
            tags: ['as'],
            'x-sdk-method': 'get',
            'x-public': true,
            'x-roles': [],
          },
        },
      },
    };
    expect(listOperations(document).map(({ operation, ...rest }) => rest)).toEqual([
      {
        operationId: 'getA',
        method: 'get',
        path: '/a/{id}',
        tag: 'as',
        sdkMethod: 'get',
        roles: [],
        isPublic: true,
      },
      {
        operationId: 'replaceA',
        method: 'put',
        path: '/a/{id}',
        tag: 'as',
        sdkMethod: 'replace',
        roles: ['admin'],
        isPublic: false,
      },
    ]);
  });

  test('works from CommonJS and exports the JSON and YAML files', () => {
    const cjs = require('@bosv2/contract') as typeof import('./index.js');
    expect(cjs.specPath).toBe(specPath);
    expect(cjs.loadSpec().info.version).toBe(loadSpec().info.version);
    expect(require.resolve('@bosv2/contract/openapi.json')).toBe(specPath);
    expect(require.resolve('@bosv2/contract/openapi.yaml')).toBe(specYamlPath);
  });
});
