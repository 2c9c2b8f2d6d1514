import { inspect } from 'node:util';
import { lastValueFrom, of, type Observable } from 'rxjs';

import { FastnAuth } from '../../lib/client/FastnAuth';
import type { FastnAuthOptions } from '../../lib/config/FastnAuthOptions';
import type { HttpRequest, Transport } from '../../lib/http/Transport';
import { DEFAULT_ENDPOINTS } from '../../lib/wire/endpoints';
import { STATE } from '../session/scriptedTransport';

/** Long enough that a shortened rendering of it would still leak a prefix. */
const API_KEY = `sk_live_${'k3y'.repeat(30)}`;
const TOKEN = 'tok_bearer_5e1f2a3b4c';

/** The secret as the server saw it: the API key, or the bare bearer token. */
function echoedSecret(request: HttpRequest): string {
  const key = request.headers['x-fastn-api-key'];
  return key ?? (request.headers.Authorization ?? '').replace(/^Bearer /, '');
}

/** A server that answers 2xx and puts the caller's secret where a value of the contract goes. */
function echoingTransport(): Transport {
  return (request) => {
    const secret = echoedSecret(request);
    if (request.path === DEFAULT_ENDPOINTS.initialize) {
      return of({ sessionId: 's-1', stateKey: 'k-1', redirectUrl: secret });
    }
    if (request.path === DEFAULT_ENDPOINTS.status) return of({ status: secret });
    return of({ auth: secret });
  };
}

function client(secret: Pick<FastnAuthOptions, 'apiKey' | 'authToken'>): FastnAuth {
  return new FastnAuth({ spaceId: 'space-1', ...secret, transport: echoingTransport() });
}

function failureOf(source: Observable<unknown>): Promise<Error> {
  return lastValueFrom(source).then(
    () => Promise.reject(new Error('expected an error')),
    (error: Error) => error,
  );
}

/** Every way an error reaches a log or a screen. */
function renderings(error: Error): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

describe('FastnAuth: a 2xx answer that echoes the secret into a bad field', () => {
  const cases: [string, (c: FastnAuth) => Observable<unknown>, RegExp][] = [
    [
      'initialize (redirectUrl)',
      (c) => c.initialize({ connectorId: 'x' }),
      /^Invalid initialize response: `redirectUrl` should be .*got "\[redacted\]"$/,
    ],
    [
      'status (status word)',
      (c) => c.resume(STATE).getStatus(),
      /^Invalid status response: `status` should be .*got "\[redacted\]"$/,
    ],
    [
      'credentials (auth)',
      (c) => c.getCredentials({ connectorId: 'x' }),
      /^Invalid credentials response: `auth` should be /,
    ],
  ];

  describe.each([
    ['an API key', { apiKey: API_KEY }, API_KEY],
    ['a bearer token', { authToken: TOKEN }, TOKEN],
  ] as const)('with %s', (_kind, secret, value) => {
    it.each(cases)('never shows it in the error of %s', async (_call, call, message) => {
      const error = await failureOf(call(client(secret)));

      expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
      expect(error.message).toMatch(message);
      for (const text of renderings(error)) {
        expect(text).not.toContain(value);
        expect(text).not.toContain(value.slice(0, 12));
      }
    });
  });
});
