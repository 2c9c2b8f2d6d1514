import { randomBytes } from 'node:crypto';

import type { ConnectorTarget } from './SessionStore';

/** Credentials the simulator issued for one connector, as stored. @internal */
export interface StoredCredentials {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly scope: string;
  readonly expiresAtMs: number;
}

/**
 * Credentials issued on approval, kept per connector, org, tenant and connection.
 *
 * The four parts together are the key, so one tenant never reads another's credentials, and a
 * connection without a tenant is not the same as one with.
 *
 * @internal
 */
export class CredentialStore {
  private readonly credentials = new Map<string, StoredCredentials>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Issues fresh credentials for the target, replacing any it had. */
  issue(target: ConnectorTarget): StoredCredentials {
    const stored: StoredCredentials = {
      accessToken: `sim-at-${randomBytes(24).toString('base64url')}`,
      refreshToken: `sim-rt-${randomBytes(24).toString('base64url')}`,
      scope: `${target.connectorId}.read ${target.connectorId}.write`,
      expiresAtMs: this.now() + this.ttlMs,
    };
    this.credentials.set(keyOf(target), stored);
    return stored;
  }

  /** The target's credentials, unless there are none or they have expired. */
  find(target: ConnectorTarget): StoredCredentials | undefined {
    const key = keyOf(target);
    const stored = this.credentials.get(key);
    if (stored === undefined || this.now() < stored.expiresAtMs) return stored;

    // Expired credentials are gone for good, as a revoked token would be.
    this.credentials.delete(key);
    return undefined;
  }
}

function keyOf(target: ConnectorTarget): string {
  return JSON.stringify([
    target.connectorId,
    target.orgId,
    target.tenantId ?? null,
    target.connectionId ?? null,
  ]);
}
