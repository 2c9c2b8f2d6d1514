/** Header names whose values are secrets: the API key, the bearer token, cookies. */
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|cookie/i;

/** Shorter values are not worth hiding, and hiding them would garble ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * @internal Lists the secret values among a request's headers, for {@link redactSecrets}.
 *
 * For `Authorization: Bearer <token>` both the whole value and the bare token are listed, since
 * a server that echoes one usually echoes the token alone.
 *
 * @param headers - The request's headers, as given to the transport.
 * @returns The values to hide, longest first so that a value never hides only part of another.
 */
export function secretValues(headers: Readonly<Record<string, string>>): readonly string[] {
  const secrets = new Set<string>();

  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name) || typeof value !== 'string') continue;
    secrets.add(value.trim());
    const credentials = /^\S+\s+(\S.*)$/.exec(value.trim());
    if (credentials?.[1] !== undefined) secrets.add(credentials[1]);
  }

  return secretsToHide(secrets);
}

/**
 * @internal Chooses, among candidate secret values, those {@link redactSecrets} should hide.
 *
 * Values shorter than six characters are dropped: hiding them would garble ordinary words and
 * show where their letters sit. The rest come longest first so that a value never hides only
 * part of another.
 *
 * @param values - The candidates, such as a configured API key and token.
 * @returns The values to hide, each once, longest first.
 */
export function secretsToHide(values: Iterable<string>): readonly string[] {
  return [...new Set(values)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * @internal Replaces every occurrence of the given secrets in a text with `[redacted]`.
 *
 * Server messages end up in error messages and logs; a server that echoes the API key it
 * rejected ("invalid key sk_...") must not carry the key into them.
 *
 * @param text - Text that came from the server.
 * @param secrets - The values to hide, from {@link secretValues}.
 * @returns The text with each secret replaced.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}
