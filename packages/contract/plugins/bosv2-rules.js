// @ts-check
/**
 * Redocly plugin with the BOS V2 contract rules (docs/decisions/0001-contract-conventions.md).
 *
 * Every rule visits path items, so it sees the path-level parameters and the operations
 * together, and reports on the operation it is about. Enable them in redocly.yaml as
 * `bosv2/<rule>: error`.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DEFAULT_ROLES = ['bhabinkamtibmas', 'supervisor', 'citizen', 'trainer', 'admin'];

/**
 * Calls `check` for every operation of every path item, with the resolved operation, the
 * path item and a location helper.
 * @param {(op: OperationVisit) => void} check
 */
function eachOperation(check) {
  return {
    PathItem: {
      /** @param {any} pathItem @param {any} ctx */
      enter(pathItem, ctx) {
        for (const method of METHODS) {
          const operation = pathItem?.[method];
          if (!operation || typeof operation !== 'object') continue;
          const location = ctx.location.child([method]);
          check({
            method,
            operation,
            pathItem,
            ctx,
            location,
            name: operation.operationId ?? `${method.toUpperCase()} ${ctx.key ?? ''}`.trim(),
            report: (message, at = []) => ctx.report({ message, location: location.child(at) }),
          });
        }
      },
    },
  };
}

/**
 * @typedef {object} OperationVisit
 * @property {string} method
 * @property {any} operation
 * @property {any} pathItem
 * @property {any} ctx
 * @property {any} location
 * @property {string} name
 * @property {(message: string, at?: (string | number)[]) => void} report
 */

/** @param {any} ctx @param {any} node */
function resolve(ctx, node) {
  if (node && typeof node === 'object' && typeof node.$ref === 'string') {
    return ctx.resolve(node).node;
  }
  return node;
}

/**
 * The operation's parameters and its path item's, resolved.
 * @param {OperationVisit} visit
 */
function parametersOf({ ctx, operation, pathItem }) {
  const list = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])];
  return list.map((p) => resolve(ctx, p)).filter((p) => p && typeof p === 'object');
}

/** @param {OperationVisit} visit @param {string} name */
function hasHeader(visit, name) {
  const wanted = name.toLowerCase();
  return parametersOf(visit).some(
    (p) => p.in === 'header' && typeof p.name === 'string' && p.name.toLowerCase() === wanted,
  );
}

/** @param {any} mediaType */
function hasExample(mediaType) {
  if (!mediaType || typeof mediaType !== 'object') return false;
  if (mediaType.example !== undefined) return true;
  return (
    mediaType.examples !== null &&
    typeof mediaType.examples === 'object' &&
    Object.keys(mediaType.examples).length > 0
  );
}

/**
 * A body that is a file (binary string) cannot have a meaningful example.
 * @param {any} ctx @param {any} schema
 */
function isBinary(ctx, schema) {
  const s = resolve(ctx, schema);
  if (!s || typeof s !== 'object') return false;
  return (
    s.type === 'string' &&
    (s.format === 'binary' || s.contentMediaType !== undefined || s.contentEncoding !== undefined)
  );
}

/** Every operation has a camelCase operationId. */
function OperationId() {
  return eachOperation(({ operation, report }) => {
    const id = operation.operationId;
    if (typeof id !== 'string' || id.length === 0) {
      report('Every operation needs an operationId (camelCase verbNoun, e.g. listActivities).');
    } else if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) {
      report(`operationId "${id}" must be camelCase (verbNoun, e.g. listActivities).`, [
        'operationId',
      ]);
    }
  });
}

/** Every operation has exactly one tag. */
function OneTag() {
  return eachOperation(({ operation, name, report }) => {
    const tags = operation.tags;
    if (!Array.isArray(tags) || tags.length !== 1 || typeof tags[0] !== 'string') {
      const count = Array.isArray(tags) ? tags.length : 0;
      report(`${name} must have exactly one tag (the resource group); it has ${count}.`, [
        ...(tags === undefined ? [] : ['tags']),
      ]);
    }
  });
}

/**
 * Every operation is protected (its own or the document's non-empty `security`), or is
 * public: its own `security: []` together with `x-public: true`.
 */
function Security() {
  /** @type {any} */
  let rootSecurity;
  return {
    Root: {
      /** @param {any} root */
      enter(root) {
        rootSecurity = root.security;
      },
    },
    ...eachOperation(({ operation, name, report }) => {
      const xPublic = operation['x-public'];
      if (xPublic !== undefined && typeof xPublic !== 'boolean') {
        report(`${name}: x-public must be true or left out.`, ['x-public']);
        return;
      }
      if (xPublic === true) {
        if (!Array.isArray(operation.security) || operation.security.length !== 0) {
          report(`${name} is x-public: true, so it must say \`security: []\` itself.`, [
            ...(operation.security === undefined ? [] : ['security']),
          ]);
        }
        return;
      }
      const own = operation.security !== undefined;
      const effective = own ? operation.security : rootSecurity;
      const protectedBy =
        Array.isArray(effective) &&
        effective.length > 0 &&
        effective.every((req) => req && typeof req === 'object' && Object.keys(req).length > 0);
      if (!protectedBy) {
        report(
          `${name} has no security requirement: add \`security: [{ bearerAuth: [] }]\`, or make it public with \`security: []\` and \`x-public: true\`.`,
          own ? ['security'] : [],
        );
      }
    }),
  };
}

/**
 * Every operation lists the roles that may call it in `x-roles`; the list is empty exactly
 * when the operation is public.
 * @param {{ roles?: string[] }} [options]
 */
function Roles(options = {}) {
  const known = options.roles ?? DEFAULT_ROLES;
  return eachOperation(({ operation, name, report }) => {
    const roles = operation['x-roles'];
    const isPublic = operation['x-public'] === true;
    if (!Array.isArray(roles)) {
      report(
        `${name} must list its roles in x-roles (${isPublic ? '[] as it is public' : known.join(', ')}).`,
      );
      return;
    }
    const unknown = roles.filter((r) => !known.includes(r));
    if (unknown.length > 0) {
      report(
        `${name}: unknown role(s) in x-roles: ${unknown.map(String).join(', ')}; known roles are ${known.join(', ')}.`,
        ['x-roles'],
      );
    }
    if (new Set(roles).size !== roles.length) {
      report(`${name}: x-roles lists a role twice.`, ['x-roles']);
    }
    if (isPublic && roles.length > 0) {
      report(`${name} is public (x-public: true), so x-roles must be [].`, ['x-roles']);
    }
    if (!isPublic && roles.length === 0) {
      report(
        `${name}: x-roles is empty, but only public operations (x-public: true) have no roles.`,
        ['x-roles'],
      );
    }
  });
}

/** Every operation has an `x-sdk-method`, a camelCase name unique within its tag. */
function SdkMethod() {
  /** @type {Map<string, { name: string, location: any, report: (m: string) => void }[]>} */
  let seen = new Map();
  return {
    Root: {
      enter() {
        seen = new Map();
      },
      leave() {
        for (const [key, uses] of seen) {
          if (uses.length < 2) continue;
          const [tag, method] = key.split('\u0000');
          for (const use of uses) {
            const others = uses.filter((u) => u !== use).map((u) => u.name);
            use.report(
              `x-sdk-method "${method}" is used twice in tag "${tag}" (${use.name} and ${others.join(', ')}); the SDK needs one method name per operation in a group.`,
            );
          }
        }
      },
    },
    ...eachOperation(({ operation, name, report, location }) => {
      const method = operation['x-sdk-method'];
      if (typeof method !== 'string' || method.length === 0) {
        report(
          `${name} must have an x-sdk-method (its method name in the SDK group, e.g. list, get, create).`,
        );
        return;
      }
      if (!/^[a-z][a-zA-Z0-9]*$/.test(method)) {
        report(`${name}: x-sdk-method "${method}" must be a camelCase identifier.`, [
          'x-sdk-method',
        ]);
      }
      const tag = Array.isArray(operation.tags) ? String(operation.tags[0]) : '';
      const key = `${tag}\u0000${method}`;
      const uses = seen.get(key) ?? [];
      uses.push({ name, location, report: (m) => report(m, ['x-sdk-method']) });
      seen.set(key, uses);
    }),
  };
}

/** A request body has an example for each of its media types. */
function RequestExample() {
  return eachOperation(({ operation, ctx, name, report }) => {
    if (operation.requestBody === undefined) return;
    const body = resolve(ctx, operation.requestBody);
    const content = body?.content ?? {};
    for (const [type, raw] of Object.entries(content)) {
      const media = resolve(ctx, raw);
      if (!hasExample(media) && !isBinary(ctx, media?.schema)) {
        report(`${name}: the request body (${type}) needs an \`example\` or \`examples\`.`, [
          'requestBody',
        ]);
      }
    }
  });
}

/** Every success (2xx) response with a body has an example for each media type. */
function SuccessExample() {
  return eachOperation(({ operation, ctx, name, report }) => {
    const responses = operation.responses ?? {};
    const success = Object.keys(responses).filter((code) => /^2(\d\d|XX)$/.test(code));
    if (success.length === 0) {
      report(`${name} has no success (2xx) response.`, ['responses']);
      return;
    }
    for (const code of success) {
      const response = resolve(ctx, responses[code]);
      for (const [type, raw] of Object.entries(response?.content ?? {})) {
        const media = resolve(ctx, raw);
        if (!hasExample(media) && !isBinary(ctx, media?.schema)) {
          report(`${name}: the ${code} response (${type}) needs an \`example\` or \`examples\`.`, [
            'responses',
            code,
          ]);
        }
      }
    }
  });
}

/** Every operation documents at least one client error (4xx). */
function ClientError() {
  return eachOperation(({ operation, name, report }) => {
    const codes = Object.keys(operation.responses ?? {});
    if (!codes.some((code) => /^4(\d\d|XX)$/.test(code))) {
      report(`${name} must document at least one 4xx response (problem+json).`, ['responses']);
    }
  });
}

/** Every POST that answers 201 (a create) takes an Idempotency-Key header. */
function IdempotencyKey() {
  return eachOperation((visit) => {
    const { method, operation, name, report } = visit;
    if (method !== 'post' || !Object.hasOwn(operation.responses ?? {}, '201')) return;
    if (!hasHeader(visit, 'Idempotency-Key')) {
      report(
        `${name} creates a resource (POST answering 201), so it needs the Idempotency-Key header parameter.`,
      );
    }
  });
}

/** Every PUT takes an If-Match header. */
function IfMatch() {
  return eachOperation((visit) => {
    if (visit.method !== 'put') return;
    if (!hasHeader(visit, 'If-Match')) {
      visit.report(`${visit.name} is an update (PUT), so it needs the If-Match header parameter.`);
    }
  });
}

export default function bosv2Plugin() {
  return {
    id: 'bosv2',
    rules: {
      oas3: {
        'operation-id': OperationId,
        'one-tag': OneTag,
        security: Security,
        'x-roles': Roles,
        'x-sdk-method': SdkMethod,
        'request-example': RequestExample,
        'success-example': SuccessExample,
        '4xx-response': ClientError,
        'idempotency-key': IdempotencyKey,
        'if-match': IfMatch,
      },
    },
  };
}
