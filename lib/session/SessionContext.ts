import type { ResolvedOptions } from '../config/FastnAuthOptions';
import type { Transport } from '../http/Transport';

/**
 * What every session shares with the client that made it: the checked options (whose
 * `authHeaders` closure holds the secret) and the transport that sends the requests.
 *
 * @internal
 */
export interface SessionContext {
  readonly options: ResolvedOptions;
  readonly transport: Transport;
}
