import type { ResolvedOptions } from '../config/FastnAuthOptions';
import { redactSecrets, secretValues } from '../http/redactSecrets';
import type { Redact } from '../wire/decode';

/**
 * Builds the redaction that hides the client's API key or token in text built from a response,
 * for `decodeBody`: a server that answers 2xx may still echo the secret into a bad field.
 *
 * The secrets are the values of the client's own auth headers, found the way the HTTP transport
 * finds them in the text of a failed request; they are read only when a text is redacted, so
 * the returned function holds no copy of them.
 *
 * @param options - The client's checked options; `authHeaders()` gives the secret values.
 * @returns A function replacing each secret in a text with `[redacted]`.
 * @internal
 */
export function secretRedactor(options: ResolvedOptions): Redact {
  return (text) => redactSecrets(text, secretValues(options.authHeaders()));
}
