import { throwError, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';

import { FastnAuth } from '../../lib/client/FastnAuth';
import type { FastnAuthOptions } from '../../lib/config/FastnAuthOptions';
import { NetworkError } from '../../lib/errors';
import type { HttpRequest, Transport } from '../../lib/http/Transport';
import type { SessionState } from '../../lib/session/SessionState';
import { DEFAULT_ENDPOINTS } from '../../lib/wire/endpoints';

/** The three calls of the contract, told apart by path. */
export type Call = keyof typeof DEFAULT_ENDPOINTS;

/** The answers of a scripted transport: per call, in order; the last one repeats. */
export type Script = Partial<Record<Call, Observable<unknown>[]>>;

/** The API key the test clients use; no output may ever contain it. */
export const API_KEY = 'sk_live_marble_4c1d2e3f';

/** A saved state, as `toJSON()` writes it, for sessions built with `client.resume()`. */
export const STATE: SessionState = {
  version: 1,
  id: 'sess-1',
  stateKey: 'state-1',
  redirectUrl: 'https://auth.example.com/consent?state=state-1',
  connectorId: 'google-sheets',
  orgId: 'community',
  tenantId: 'acme',
};

/** Wire bodies of the status call. */
export const WIRE = {
  I: { status: 'INACTIVE' },
  A: { status: 'ACTIVE' },
  F: { status: 'FAILED', errorMessage: 'User denied access' },
} as const;

/** What the SDK emits for those bodies. */
export const STATUS = {
  I: { status: 'INACTIVE' },
  A: { status: 'ACTIVE' },
  F: { status: 'FAILED', errorMessage: 'User denied access' },
} as const;

/** A NetworkError as the axios transport builds it for an HTTP status. */
export function httpError(statusCode: number, retryAfterMs?: number): NetworkError {
  const transient = [408, 429, 500, 502, 503, 504].includes(statusCode);
  return new NetworkError(`HTTP ${statusCode}`, {
    statusCode,
    transient,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    path: DEFAULT_ENDPOINTS.status,
  });
}

/**
 * A transport that answers each call from a script of cold observables, and records what was
 * sent. Asking for a call with no script fails the test loudly.
 */
export function scriptedTransport(script: Script) {
  const sent: HttpRequest[] = [];
  const counts: Record<Call, number> = { initialize: 0, status: 0, credentials: 0 };

  const transport: Transport = (request) => {
    const call = (Object.keys(DEFAULT_ENDPOINTS) as Call[]).find(
      (key) => DEFAULT_ENDPOINTS[key] === request.path,
    );
    if (call === undefined) return throwError(() => new Error(`unknown path ${request.path}`));

    sent.push(request);
    const answers = script[call] ?? [];
    const answer = answers[Math.min(counts[call], answers.length - 1)];
    counts[call] += 1;
    return answer ?? throwError(() => new Error(`no scripted answer for ${call}`));
  };

  return { transport, sent, count: (call: Call) => counts[call] };
}

/**
 * A client on virtual time: interval 3 frames, timeout 100 frames, retry waits of 3, 6, 12 ...
 * frames once `Math.random` is stubbed to 0.5 (base 4, equal jitter), capped at 30.
 */
export function virtualClient(
  testScheduler: TestScheduler,
  transport: Transport,
  overrides: Partial<FastnAuthOptions> = {},
): FastnAuth {
  return new FastnAuth({
    spaceId: 'space-1',
    apiKey: API_KEY,
    transport,
    scheduler: testScheduler,
    polling: { intervalMs: 3, timeoutMs: 100, retryBaseDelayMs: 4, retryMaxDelayMs: 30 },
    ...overrides,
  });
}

/** Turns an error into a plain value, so marble diagrams can show its data. */
export function summary(error: unknown): Record<string, unknown> {
  const {
    name,
    code,
    stack: _stack,
    message: _message,
    ...fields
  } = error as Error & {
    code?: string;
  };
  return { name, code, ...fields };
}
