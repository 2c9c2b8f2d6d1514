import { redactSecrets, secretsToHide } from '../http/redactSecrets';
import type { Credentials } from '../types';

/**
 * Keys of a credentials' `extra` object whose values describe a token rather than grant access,
 * so they are printed as they are. Every other key is treated as a secret: connectors put API keys,
 * client secrets and id tokens there under names nobody can list in advance.
 */
export const SAFE_EXTRA_KEYS: ReadonlySet<string> = new Set([
  'scope',
  'token_type',
  'expires_in',
  'expires_at',
  'issued_at',
  'instance_url',
  'api_domain',
  'region',
]);

/** Secrets shorter than this are hidden entirely: four of their characters would say too much. */
const MIN_LENGTH_FOR_PREFIX = 12;

const PREFIX_LENGTH = 4;

/**
 * Hides a secret, keeping only a short prefix so a person can tell two tokens apart.
 *
 * A string of at least 12 characters keeps its first 4 (`ya29…[redacted]`); a shorter string and
 * any other value become `[redacted]`.
 *
 * @param value - The secret.
 * @returns A printable stand-in that never holds more than the first four characters.
 * @example
 * ```ts
 * redactSecret('ya29.a0AfH6SMBx3'); // 'ya29…[redacted]'
 * ```
 */
export function redactSecret(value: unknown): string {
  if (typeof value === 'string' && value.length >= MIN_LENGTH_FOR_PREFIX) {
    return `${value.slice(0, PREFIX_LENGTH)}…[redacted]`;
  }
  return '[redacted]';
}

/**
 * Credentials as the CLI prints them: the same fields, with every secret hidden unless asked.
 *
 * `accessToken` and `refreshToken` are redacted; `tokenType` and `expiresAt` are not secrets; each
 * `extra` value is redacted unless its key is in {@link SAFE_EXTRA_KEYS}.
 */
export interface PrintableCredentials {
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly tokenType?: string;
  readonly expiresAt?: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * Prepares credentials for printing, hiding their secrets.
 *
 * @param credentials - What the SDK returned.
 * @param showSecrets - `true` (the `--show-secrets` flag) returns every value untouched.
 * @returns A new object; fields that are absent stay absent.
 */
export function redactCredentials(
  credentials: Credentials,
  showSecrets: boolean,
): PrintableCredentials {
  if (showSecrets) return { ...credentials, extra: { ...credentials.extra } };

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(credentials.extra)) {
    extra[key] = SAFE_EXTRA_KEYS.has(key) ? value : redactSecret(value);
  }

  return {
    ...(credentials.accessToken !== undefined && {
      accessToken: redactSecret(credentials.accessToken),
    }),
    ...(credentials.refreshToken !== undefined && {
      refreshToken: redactSecret(credentials.refreshToken),
    }),
    ...(credentials.tokenType !== undefined && { tokenType: credentials.tokenType }),
    ...(credentials.expiresAt !== undefined && { expiresAt: credentials.expiresAt }),
    extra,
  };
}

/**
 * Replaces every occurrence of the given secrets in a text, as a last guard before printing a
 * message that came from elsewhere (an error's message may quote a server that echoed a key).
 *
 * It is the SDK's own redaction, with its rule: values shorter than six characters are left
 * alone, since hiding them would garble the message and show where their letters sit.
 *
 * @param text - The text to print.
 * @param secrets - The configured API key or token; missing and short entries are ignored.
 * @returns The text with each secret replaced by `[redacted]`.
 * @example
 * ```ts
 * scrubSecrets('invalid key sk_live_123456', ['sk_live_123456']); // 'invalid key [redacted]'
 * ```
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  const configured = secrets.filter((secret): secret is string => secret !== undefined);
  return redactSecrets(text, secretsToHide(configured));
}
