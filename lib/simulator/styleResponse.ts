/**
 * How the simulator shapes its successful answers, to exercise the contract's accepted variants.
 *
 * - `canonical`: the contract's main shape, camelCase keys (`sessionId`, `errorMessage`).
 * - `snake`: the same with snake_case top-level keys (`session_id`, `error_message`).
 * - `wrapped`: the canonical body wrapped once in `{"data": ...}`.
 */
export type ResponseStyle = 'canonical' | 'snake' | 'wrapped';

/** Every {@link ResponseStyle}, for validation. */
export const RESPONSE_STYLES: readonly ResponseStyle[] = ['canonical', 'snake', 'wrapped'];

/**
 * Shapes a canonical answer body in the given style.
 *
 * Only top-level keys change case: the credentials' `auth` object is snake_case in every style,
 * as the contract has it.
 *
 * @param style - the simulator's response style
 * @param body - the canonical body
 * @returns the body to send
 * @internal
 */
export function styleResponse(style: ResponseStyle, body: Record<string, unknown>): unknown {
  if (style === 'wrapped') return { data: body };
  if (style === 'canonical') return body;

  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      value,
    ]),
  );
}
