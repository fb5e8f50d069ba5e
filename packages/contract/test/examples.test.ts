import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { specPath } from '../src/index.js';
import { checkExample, collectExamples, createValidator, findBrokenRefs } from './example-check.js';

const readJson = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8'));

const document = readJson(specPath);
const cases = collectExamples(document);
const validate = createValidator(document);

describe('every example of the bundled contract is valid against its schema', () => {
  test('the contract has examples to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const example of cases) {
    test(example.pointer, () => {
      expect(checkExample(validate, example)).toEqual([]);
    });
  }
});

test('every $ref of the bundled contract resolves', () => {
  expect(findBrokenRefs(document)).toEqual([]);
});

describe('the example check catches broken examples', () => {
  const broken = readJson(new URL('./fixtures/broken-examples.json', import.meta.url));
  const brokenCases = collectExamples(broken);
  const check = createValidator(broken);
  const failures = Object.fromEntries(brokenCases.map((c) => [c.pointer, checkExample(check, c)]));
  const response = '/paths/~1things~1{thingId}/get/responses/200';
  const media = `${response}/content/application~1json`;

  test('it finds media-type, parameter, header, schema and component examples', () => {
    expect(Object.keys(failures).sort()).toEqual(
      [
        '/paths/~1things~1{thingId}/parameters/0/example',
        `${response}/headers/ETag/example`,
        `${media}/example`,
        `${media}/examples/good`,
        `${media}/examples/bad`,
        '/components/schemas/Thing/examples/0',
        '/components/schemas/Thing/properties/size/examples/0',
        '/components/schemas/Thing/properties/size/examples/1',
        '/components/examples/GoodThing',
        '/components/examples/BadThing',
        '/components/examples/Unused',
      ].sort(),
    );
  });

  test('it passes the valid ones', () => {
    expect(failures[`${media}/examples/good`]).toEqual([]);
    expect(failures['/components/examples/GoodThing']).toEqual([]);
    expect(failures['/components/schemas/Thing/properties/size/examples/0']).toEqual([]);
  });

  test('it reports each broken one with the reason', () => {
    expect(failures['/paths/~1things~1{thingId}/parameters/0/example']?.join()).toMatch(/format/);
    expect(failures[`${response}/headers/ETag/example`]?.join()).toMatch(/fewer than 3/);
    expect(failures[`${media}/example`]?.join()).toMatch(/\/size must be integer/);
    expect(failures[`${media}/examples/bad`]?.join()).toMatch(/required property 'size'/);
    expect(failures['/components/examples/BadThing']?.join()).toMatch(/required property 'size'/);
    expect(failures['/components/schemas/Thing/examples/0']?.join()).toMatch(
      /additional properties/,
    );
    expect(failures['/components/schemas/Thing/properties/size/examples/1']?.join()).toMatch(
      />= 1/,
    );
    expect(failures['/components/examples/Unused']?.join()).toMatch(/no media type/);
  });

  test('it reports a $ref that points at nothing', () => {
    expect(findBrokenRefs(broken)).toEqual([
      '/paths/~1things~1{thingId}/get/responses/404/$ref: "#/components/responses/Missing" points at nothing',
    ]);
  });

  test('it reports a schema keyword that is not JSON Schema nor OpenAPI (a typo)', () => {
    const typo = {
      openapi: '3.1.0',
      info: { title: 't', version: '0' },
      components: { schemas: { Name: { type: 'string', maxLenght: 3, examples: ['abcdef'] } } },
    };
    const [only] = collectExamples(typo);
    expect(only && checkExample(createValidator(typo), only).join()).toMatch(
      /unknown keyword: "maxLenght"/,
    );
  });
});
