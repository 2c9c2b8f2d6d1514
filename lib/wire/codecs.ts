import * as t from 'io-ts';
import { map } from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { AuthStatus, Credentials, StatusResponse } from '../types';
import { mapDecoder, redacted, unwrapOnce, withAliases } from './combinators';
import {
  EpochSeconds,
  HttpUrl,
  IsoDateString,
  LifetimeSeconds,
  NonBlankString,
  StatusWordCodec,
  Text,
  optional,
} from './primitives';
import type { StatusWord } from './primitives';

/** What starting an authorization gives back. */
export interface InitializeResult {
  readonly sessionId: string;
  readonly stateKey: string;
  /** Where to send the user: always an absolute `http(s)` URL. */
  readonly redirectUrl: string;
  readonly status?: AuthStatus;
  /** When the session expires, as an ISO-8601 string. */
  readonly expiresAt?: string;
}

/** The message of an `EXPIRED` status that came with no words of its own. */
const EXPIRED_MESSAGE = 'The authorization session expired';

const InitializeBody = unwrapOnce(
  withAliases(
    t.type(
      {
        sessionId: NonBlankString,
        stateKey: NonBlankString,
        redirectUrl: HttpUrl,
        status: optional(StatusWordCodec),
        expiresAt: optional(IsoDateString),
      },
      'an object',
    ),
    {
      sessionId: ['session_id', 'id'],
      stateKey: ['state_key'],
      redirectUrl: ['redirect_url', 'authUrl', 'auth_url'],
    },
  ),
);

/**
 * Decodes the answer of the initialize call.
 *
 * The payload may be wrapped once in `body` or `data`. `session_id` and `id` are read as
 * `sessionId`, `state_key` as `stateKey`, and `redirect_url`, `authUrl` and `auth_url` as
 * `redirectUrl`, which must be an absolute `http(s)` URL. `status` and `expiresAt` are optional
 * (`null` reads as absent); other fields are ignored.
 *
 * @internal
 * @example
 * ```ts
 * initializeResponse.decode({ id: 's1', state_key: 'k1', authUrl: 'https://consent.example' });
 * // right({ sessionId: 's1', stateKey: 'k1', redirectUrl: 'https://consent.example' })
 * ```
 */
export const initializeResponse: t.Decoder<unknown, InitializeResult> = mapDecoder(
  InitializeBody,
  (body) => ({
    sessionId: body.sessionId,
    stateKey: body.stateKey,
    redirectUrl: body.redirectUrl,
    ...(body.status !== undefined && { status: toAuthStatus(body.status) }),
    ...(body.expiresAt !== undefined && { expiresAt: body.expiresAt }),
  }),
);

const StatusBody = unwrapOnce(
  withAliases(t.type({ status: StatusWordCodec, errorMessage: optional(Text) }, 'an object'), {
    errorMessage: ['error_message', 'error'],
  }),
);

/**
 * Decodes the answer of the status call.
 *
 * The status word is matched in any case; `PENDING` reads as `INACTIVE`, and `EXPIRED` as
 * `FAILED` with the server's message, or one saying the session expired. Any other word is a
 * failure, never a reason to keep polling. `errorMessage` may come as `error_message` or
 * `error`; `null` or a blank message reads as absent.
 *
 * @internal
 * @example
 * ```ts
 * statusResponse.decode({ data: { status: 'pending' } }); // right({ status: 'INACTIVE' })
 * ```
 */
export const statusResponse: t.Decoder<unknown, StatusResponse> = mapDecoder(
  StatusBody,
  ({ status, errorMessage }) => {
    const message = errorMessage?.trim() === '' ? undefined : errorMessage;
    if (status === 'EXPIRED') return { status: 'FAILED', errorMessage: message ?? EXPIRED_MESSAGE };
    return {
      status: toAuthStatus(status),
      ...(message !== undefined && { errorMessage: message }),
    };
  },
);

function toAuthStatus(word: StatusWord): AuthStatus {
  if (word === 'PENDING') return 'INACTIVE';
  if (word === 'EXPIRED') return 'FAILED';
  return word;
}

/** The keys of `auth` that become fields of {@link Credentials}; all others go to `extra`. */
const MAPPED_AUTH_KEYS: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'token_type',
  'expires_at',
  'expires_in',
]);

const AuthFields = t.partial({
  access_token: optional(Text),
  refresh_token: optional(Text),
  token_type: optional(Text),
  expires_at: optional(t.union([IsoDateString, EpochSeconds], 'an ISO-8601 date or epoch seconds')),
  expires_in: optional(LifetimeSeconds),
});

type AuthFieldValues = t.TypeOf<typeof AuthFields>;

/** The `auth` object, split into the fields the SDK maps and the connector's own keys. */
interface AuthParts {
  readonly fields: AuthFieldValues;
  readonly extra: Readonly<Record<string, unknown>>;
}

const AuthObject = redacted(
  new t.Type<AuthParts, AuthParts, unknown>(
    'an object',
    (u): u is AuthParts => typeof u === 'object' && u !== null && 'fields' in u && 'extra' in u,
    (u, c) =>
      pipe(
        AuthFields.validate(u, c),
        map((fields) => ({ fields, extra: unmappedKeys(u as Record<string, unknown>) })),
      ),
    t.identity,
  ),
);

const CredentialsBody = redacted(unwrapOnce(t.type({ auth: AuthObject }, 'an object')));

/**
 * Builds the decoder of the answer of the credentials call, `{ "auth": { ... } }`.
 *
 * `access_token`, `refresh_token` and `token_type` become `accessToken`, `refreshToken` and
 * `tokenType`. `expires_at` (an ISO-8601 string or epoch seconds) becomes an ISO-8601
 * `expiresAt`; without it, `expires_in` (seconds) gives `expiresAt = now + expires_in`. Every
 * other key of `auth` is kept untouched in `extra`, so API-key connectors, which have no
 * `access_token`, decode too. A missing `auth`, or one that is not an object, is a failure. No
 * error of this decoder ever shows a value, only its type: they are credentials.
 *
 * @internal
 * @param nowMs - The clock used for `expires_in`, in milliseconds since 1970.
 * @returns The decoder; it reads the clock each time it decodes.
 * @example
 * ```ts
 * credentialsResponse(() => Date.now()).decode({ auth: { access_token: 'a', expires_in: 60 } });
 * ```
 */
export function credentialsResponse(nowMs: () => number): t.Decoder<unknown, Credentials> {
  return redacted(mapDecoder(CredentialsBody, ({ auth }) => toCredentials(auth, nowMs)));
}

function toCredentials({ fields, extra }: AuthParts, nowMs: () => number): Credentials {
  const expiresAt =
    fields.expires_at ??
    (fields.expires_in === undefined
      ? undefined
      : new Date(nowMs() + fields.expires_in * 1000).toISOString());

  return {
    ...(fields.access_token !== undefined && { accessToken: fields.access_token }),
    ...(fields.refresh_token !== undefined && { refreshToken: fields.refresh_token }),
    ...(fields.token_type !== undefined && { tokenType: fields.token_type }),
    ...(expiresAt !== undefined && { expiresAt }),
    extra,
  };
}

function unmappedKeys(auth: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(auth).filter(([key]) => !MAPPED_AUTH_KEYS.has(key)));
}
