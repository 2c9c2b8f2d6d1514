/**
 * Quick start, Promise flavour: connect a user's Google Sheets from a script or a back end.
 *
 * In an application, import from 'fastn-auth/promise'. This file imports the sources instead,
 * so that the repository type-checks it (`npx tsc --noEmit`) and its tests run it against the
 * local simulator without a build.
 */
import { FastnAuth, isAuthenticationError, isTimeoutError } from '../../lib/promise';
import type { Credentials } from '../../lib/promise';

/** What the script needs to know. */
export interface QuickstartOptions {
  readonly spaceId: string;
  readonly apiKey: string;
  /** @default 'https://live.fastn.ai/api' */
  readonly baseUrl?: string;
  /** The end user (tenant) whose Google Sheets is being connected. */
  readonly tenantId: string;
  /** Sends the user to the consent page: a browser window, an e-mail, a chat message. */
  readonly openUrl: (url: string) => void | Promise<void>;
  /** Stops waiting, for instance on Ctrl-C. */
  readonly signal?: AbortSignal;
}

/**
 * Starts the authorization, sends the user to Google's consent page through Fastn, waits up to
 * two minutes for them to approve, and returns the connector's credentials.
 */
export async function connectGoogleSheets(options: QuickstartOptions): Promise<Credentials> {
  const { spaceId, apiKey, baseUrl, tenantId, openUrl, signal } = options;
  const client = new FastnAuth({ spaceId, apiKey, ...(baseUrl !== undefined && { baseUrl }) });

  const session = await client.initialize({ connectorId: 'google-sheets', tenantId }, { signal });
  await openUrl(session.redirectUrl);

  try {
    const { credentials } = await session.waitForCompletion({ timeoutMs: 120_000, signal });
    return credentials;
  } catch (error) {
    if (isAuthenticationError(error))
      throw new Error(`Not connected: ${error.serverMessage}`, { cause: error });
    if (isTimeoutError(error))
      throw new Error('The user did not answer within two minutes', { cause: error });
    throw error;
  }
}
