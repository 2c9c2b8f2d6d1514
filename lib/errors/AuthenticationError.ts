import { FastnAuthError, guardFor } from './FastnAuthError';

/** The authorization flow ended `FAILED`: the user denied access, or the session expired. */
export class AuthenticationError extends FastnAuthError {
  override readonly name = 'AuthenticationError';
  /** The server's own words, when it gave any. */
  readonly serverMessage?: string;

  constructor(serverMessage?: string) {
    super('AUTH_FAILED', `Authorization failed: ${serverMessage ?? 'no reason given'}`);
    if (serverMessage !== undefined) this.serverMessage = serverMessage;
  }

  protected override details(): Record<string, unknown> {
    return { serverMessage: this.serverMessage };
  }
}

/** Tells whether a value is an {@link AuthenticationError} (matched by code). */
export const isAuthenticationError = guardFor<AuthenticationError>('AUTH_FAILED');
