/** The state of a connector's authorization, as Fastn reports it. */
export type AuthStatus = 'INACTIVE' | 'ACTIVE' | 'FAILED';

/** One answer of the status endpoint. */
export interface StatusResponse {
  /** The authorization's state. */
  readonly status: AuthStatus;
  /** Why the authorization failed or expired, when the server says. */
  readonly errorMessage?: string;
}

/** A connector's credentials, mapped from Fastn's `auth` object. */
export interface Credentials {
  /** The OAuth access token; absent for connectors that authenticate another way (API keys). */
  readonly accessToken?: string;
  /** The OAuth refresh token, when the connector has one. */
  readonly refreshToken?: string;
  /** The token type, usually `Bearer`. */
  readonly tokenType?: string;
  /** When the access token expires, as an ISO-8601 string. */
  readonly expiresAt?: string;
  /** Every other key of the `auth` object, untouched (connector-specific fields). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** What a completed wait emits: the connector is active and these are its credentials. */
export interface AuthResult {
  readonly status: 'ACTIVE';
  readonly credentials: Credentials;
}

/** Which connector, and for whom: the arguments of `initialize` and `getCredentials`. */
export interface ConnectorParams {
  /** The connector's id, such as `google-sheets`. */
  readonly connectorId: string;
  /** The connector's org. @default 'community' */
  readonly orgId?: string;
  /** The tenant the connection belongs to. */
  readonly tenantId?: string;
  /** The connection, when a tenant has several for one connector. */
  readonly connectionId?: string;
}

/** Options of a wait for completion. */
export interface PollOptions {
  /** Time between two status requests, in milliseconds. @default 2000 */
  readonly intervalMs?: number;
  /** How long the whole wait may take, in milliseconds, counted from its start. @default 300000 */
  readonly timeoutMs?: number;
  /**
   * Called with every status the wait hears, `INACTIVE` included, before the wait acts on it:
   * a progress display without a second poll loop. An error it throws ends the wait with that
   * error. @default none
   */
  readonly onStatus?: (status: StatusResponse) => void;
}
