/** What the SDK keeps of a session: the tokens, plus whatever else the login returned. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  [key: string]: unknown;
}

/**
 * Where the client keeps the session. Pluggable: memory (default), Web Storage, or your own
 * (e.g. a secure store on mobile). `get` may be sync or async.
 *
 * @example
 * const client = createClient({ baseUrl, auth: { store: webStorageTokenStore(localStorage) } });
 */
export interface TokenStore {
  get(): Tokens | null | undefined | Promise<Tokens | null | undefined>;
  set(tokens: Tokens | null): void | Promise<void>;
}

/**
 * Keeps the session in memory only: it is gone on reload.
 *
 * @example
 * const store = memoryTokenStore();
 */
export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/**
 * Keeps the session in a Web Storage (`localStorage`, `sessionStorage`) under `key`.
 *
 * @example
 * const store = webStorageTokenStore(localStorage);
 */
export function webStorageTokenStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  key = 'bosv2.session',
): TokenStore {
  return {
    get: () => {
      const raw = storage.getItem(key);
      return raw ? (JSON.parse(raw) as Tokens) : null;
    },
    set: (tokens) => {
      if (tokens) storage.setItem(key, JSON.stringify(tokens));
      else storage.removeItem(key);
    },
  };
}
