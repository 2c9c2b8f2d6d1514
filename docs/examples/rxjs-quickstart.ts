/**
 * Quick start, RxJS flavour: connect a user's Google Sheets and watch the status live.
 *
 * In an application, import from 'fastn-auth'. This file imports the sources instead, so that
 * the repository type-checks it (`npx tsc --noEmit`) and its tests run it against the local
 * simulator without a build.
 */
import { map, switchMap, tap, type Observable } from 'rxjs';

import type { AuthSession, Credentials, FastnAuth, StatusResponse } from '../../lib';

/**
 * Starts the authorization, hands the session to the page (to open the consent window and show
 * its status), then waits for the credentials. Unsubscribing cancels the request in flight.
 *
 * @example
 * ```ts
 * const client = new FastnAuth({ spaceId: 'my-space', apiKey: 'my-api-key' });
 * connectGoogleSheets(client, 'acme', (session) => {
 *   window.open(session.redirectUrl, '_blank');
 *   statusLabel$ = watchStatus(session); // Angular: {{ statusLabel$ | async }}
 * }).subscribe({
 *   next: (credentials) => saveForLater(credentials),
 *   error: (error) => showError(error.message),
 * });
 * ```
 */
export function connectGoogleSheets(
  client: FastnAuth,
  tenantId: string,
  onSession: (session: AuthSession) => void,
): Observable<Credentials> {
  return client.initialize({ connectorId: 'google-sheets', tenantId }).pipe(
    tap(onSession),
    switchMap((session) => session.waitForCompletion({ timeoutMs: 120_000 })),
    map((result) => result.credentials),
  );
}

/**
 * A label for the session's live status. Any number of components may subscribe to
 * `session.status$`: they share one poll loop, and a late one sees the latest status at once.
 */
export function watchStatus(session: AuthSession): Observable<string> {
  const labels: Record<StatusResponse['status'], string> = {
    INACTIVE: 'Waiting for the user…',
    ACTIVE: 'Connected',
    FAILED: 'Not connected',
  };
  return session.status$.pipe(map((response) => labels[response.status]));
}
