/**
 * Where the SDK sends its debug lines: each request attempt, each status seen, each retry and its
 * delay. Lines are prefixed with the class and method that wrote them and never hold a secret.
 *
 * @example
 * ```ts
 * const logger = { debug: (line: string) => debugLines.push(line) };
 * const client = new FastnAuth({ spaceId, apiKey, logger });
 * ```
 */
export interface Logger {
  debug(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn?(message: string, data?: Readonly<Record<string, unknown>>): void;
}

/** The default logger: silent. */
export const silentLogger: Logger = { debug: () => undefined, warn: () => undefined };
