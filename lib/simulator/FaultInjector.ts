import type { EndpointPath } from './EndpointPath';
import { validateFaults } from './FaultOptions';
import type { FaultOptions } from './FaultOptions';

/** The statuses a transient failure is answered with. */
const TRANSIENT_STATUSES = [500, 502, 503, 504] as const;

/** What the simulator does to one request before handling it. */
export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'rateLimit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'transient'; readonly statusCode: (typeof TRANSIENT_STATUSES)[number] };

/**
 * Holds the current fault set and turns it into per-request decisions.
 *
 * It draws from the injected random source only for knobs that are turned on, so a test that
 * stubs `random` controls every decision with a short list of numbers.
 *
 * @internal
 */
export class FaultInjector {
  private faults: FaultOptions;

  constructor(
    faults: FaultOptions,
    private readonly random: () => number,
  ) {
    this.faults = faults;
  }

  /** The current fault set. */
  get current(): FaultOptions {
    return this.faults;
  }

  /**
   * Merges a partial fault set into the current one; a field set to `undefined` goes back to its
   * default.
   *
   * @throws TypeError naming the bad field; the current set is then left unchanged
   */
  update(partial: unknown): void {
    // Check the partial set on its own first, so a message names the caller's field.
    validateFaults(partial, 'setFaults');

    // Spreading keeps `undefined` values, which the second check then drops: back to default.
    this.faults = validateFaults({ ...this.faults, ...(partial as FaultOptions) });
  }

  /** Whether the faults touch this endpoint. */
  appliesTo(path: EndpointPath): boolean {
    return this.faults.paths === undefined || this.faults.paths.includes(path);
  }

  /** How long to hold this request, in milliseconds. */
  latencyMs(): number {
    const latency = this.faults.latencyMs ?? 0;
    if (typeof latency === 'number') return latency;

    const [min, max] = latency;
    return min === max ? min : Math.round(min + this.random() * (max - min));
  }

  /** Whether this request fails before it is handled, and how. */
  decide(): FaultDecision {
    const { dropConnectionRate, rateLimitRate, transientErrorRate } = this.faults;

    if (this.happens(dropConnectionRate)) return { kind: 'drop' };
    if (this.happens(rateLimitRate)) {
      return { kind: 'rateLimit', retryAfterSeconds: this.faults.retryAfterSeconds ?? 1 };
    }
    if (this.happens(transientErrorRate)) {
      const index = Math.min(Math.floor(this.random() * 4), 3);
      return { kind: 'transient', statusCode: TRANSIENT_STATUSES[index] ?? 503 };
    }
    return { kind: 'none' };
  }

  /** Whether this 200 answer's body is cut short. */
  corruptsBody(): boolean {
    return this.happens(this.faults.malformedBodyRate);
  }

  private happens(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }
}
