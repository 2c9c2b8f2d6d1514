import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';

import { hasControlCharacter } from '../config/checks';
import { describeType } from '../config/describeValue';
import { InvalidArgumentError } from '../errors';

/**
 * What an {@link AuthSession} needs to be rebuilt elsewhere: the output of `session.toJSON()`.
 *
 * It holds no API key or token, so it may be kept in `sessionStorage`, a database row or a job
 * queue, then handed to `client.resume(state)` after a page reload or in another process.
 *
 * @example
 * ```ts
 * sessionStorage.setItem('fastn-auth', JSON.stringify(session));
 * // ... after a reload:
 * const again = client.resume(JSON.parse(sessionStorage.getItem('fastn-auth') ?? 'null'));
 * ```
 */
export interface SessionState {
  /** The format's version; only `1` exists. */
  readonly version: 1;
  /** The session id Fastn gave at initialize. */
  readonly id: string;
  /** The state key Fastn gave at initialize; the status request needs it. */
  readonly stateKey: string;
  /** Where the end user authorizes the connector. */
  readonly redirectUrl: string;
  /** The connector being authorized. */
  readonly connectorId: string;
  /** The connector's org. */
  readonly orgId: string;
  /** The tenant the connection belongs to, when given. */
  readonly tenantId?: string;
  /** The connection, when given. */
  readonly connectionId?: string;
  /** When Fastn said the session expires (ISO-8601), when it said. */
  readonly expiresAt?: string;
  /** The absolute deadline of the wait that was running, in epoch milliseconds. */
  readonly deadlineAt?: number;
}

const MAX_ID_LENGTH = 512;

const Id = new t.Type<string, string, unknown>(
  `a non-blank string of at most ${MAX_ID_LENGTH} characters without control characters`,
  (u): u is string => typeof u === 'string',
  (u, context) =>
    typeof u === 'string' &&
    u.trim() !== '' &&
    u.length <= MAX_ID_LENGTH &&
    // Ids travel in headers; a control character there was not written by toJSON().
    !hasControlCharacter(u)
      ? t.success(u)
      : t.failure(u, context),
  t.identity,
);

const HttpUrl = new t.Type<string, string, unknown>(
  'an absolute http(s) URL',
  (u): u is string => typeof u === 'string',
  (u, context) => (typeof u === 'string' && isHttpUrl(u) ? t.success(u) : t.failure(u, context)),
  t.identity,
);

const EpochMs = new t.Type<number, number, unknown>(
  'a finite, non-negative number of epoch milliseconds',
  (u): u is number => typeof u === 'number',
  (u, context) =>
    typeof u === 'number' && Number.isFinite(u) && u >= 0 ? t.success(u) : t.failure(u, context),
  t.identity,
);

const Text = new t.Type<string, string, unknown>(
  'a string',
  (u): u is string => typeof u === 'string',
  (u, context) => (typeof u === 'string' ? t.success(u) : t.failure(u, context)),
  t.identity,
);

/**
 * The io-ts codec of {@link SessionState}. Unknown keys are dropped, so what decodes is exactly
 * what `toJSON()` writes.
 *
 * @internal
 */
export const sessionStateCodec: t.Type<SessionState, SessionState, unknown> = t.intersection([
  t.exact(
    t.type({
      version: t.literal(1),
      id: Id,
      stateKey: Id,
      redirectUrl: HttpUrl,
      connectorId: Id,
      orgId: Id,
    }),
  ),
  t.exact(
    t.partial({
      tenantId: Id,
      connectionId: Id,
      expiresAt: Text,
      deadlineAt: EpochMs,
    }),
  ),
]);

/**
 * Checks a saved session state and returns it without unknown keys.
 *
 * @param value - What `session.toJSON()` gave, possibly after a JSON round trip.
 * @returns The state, ready for `new AuthSession(...)`.
 * @throws {@link InvalidArgumentError} whose `field` is `state` or `state.<key>`, naming what was
 *   expected. The bad value itself is never quoted: the state key is not for logs.
 * @internal
 */
export function decodeSessionState(value: unknown): SessionState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      'state',
      `state must be the object that AuthSession.toJSON() returned, got ${describeType(value)}`,
    );
  }

  const result = sessionStateCodec.decode(value);
  if (!isLeft(result)) return result.right;

  // io-ts reports every failing field; the first one is enough to fix a hand-edited state.
  const [first] = result.left;
  const leaf = first?.context[first.context.length - 1];
  const key = leaf?.key ?? '';
  const field = key === '' || /^\d+$/.test(key) ? 'state' : `state.${key}`;
  const expected = leaf?.type.name ?? 'a session state';
  const problem =
    first?.value === undefined
      ? 'is missing'
      : `must be ${expected}, got ${describeType(first.value)}`;
  throw new InvalidArgumentError(field, `${field} ${problem}`);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
