import { InvalidArgumentError } from '../errors';
import type { ConnectorParams, PollOptions, StatusResponse } from '../types';
import {
  MAX_TIMER_MS,
  hasControlCharacter,
  keysOf,
  optionalNumber,
  rejectUnknownKeys,
  requireRecord,
} from './checks';
import { describeType, describeValue } from './describeValue';

/** The longest id accepted, in characters. */
const MAX_ID_CHARS = 512;

/** The org of community connectors, used when a call names no org. */
const COMMUNITY_ORG_ID = 'community';

const CONNECTOR_PARAM_KEYS = keysOf<ConnectorParams>({
  connectorId: true,
  orgId: true,
  tenantId: true,
  connectionId: true,
});
const POLL_OPTION_KEYS = keysOf<PollOptions>({ intervalMs: true, timeoutMs: true, onStatus: true });

/**
 * Connector parameters after validation: every id checked, the org filled in.
 *
 * @internal
 */
export interface NormalizedConnectorParams {
  readonly connectorId: string;
  /** The connector's org; `community` when the caller named none. */
  readonly orgId: string;
  readonly tenantId?: string;
  readonly connectionId?: string;
}

/**
 * Checks one id argument (connector, org, tenant, connection, space).
 *
 * An id is a string that is not empty, not only whitespace, at most 512 characters long and free
 * of control characters (U+0000 to U+001F, U+007F), since ids travel in headers and log lines.
 * `undefined` means absent; `null` and other types are rejected, as plain JavaScript may pass them.
 *
 * @internal
 * @param field - The argument's name, reported in the error, such as `tenantId`.
 * @param value - The value given.
 * @param required - Whether an absent value is an error.
 * @returns The id, or `undefined` when it is optional and absent.
 * @throws {@link InvalidArgumentError} naming the field and showing the bad value, shortened.
 *
 * @example
 * ```ts
 * validateId('tenantId', 'acme', false); // 'acme'
 * validateId('connectorId', '  ', true); // throws: connectorId must not be blank
 * ```
 */
export function validateId(field: string, value: unknown, required: true): string;
export function validateId(field: string, value: unknown, required: boolean): string | undefined;
export function validateId(field: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new InvalidArgumentError(field, `${field} is required`);
    return undefined;
  }

  const problem = idProblem(value);
  if (problem !== undefined) {
    throw new InvalidArgumentError(field, `${field} ${problem}, got ${describeValue(value)}`);
  }
  return value as string;
}

function idProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim() === '') return 'must not be empty or blank';
  if (value.length > MAX_ID_CHARS) return `must be at most ${MAX_ID_CHARS} characters long`;
  if (hasControlCharacter(value)) return 'must not contain control characters';
  return undefined;
}

/**
 * Checks the arguments of `initialize` and `getCredentials` and fills in the default org.
 *
 * Unknown keys are rejected so that a misspelt `tenantID` does not silently act for no tenant.
 *
 * @internal
 * @param params - What the caller passed: `{ connectorId, orgId?, tenantId?, connectionId? }`.
 * @returns The parameters with `orgId` defaulting to `community` and absent ids left out.
 * @throws {@link InvalidArgumentError} naming the first bad field.
 *
 * @example
 * ```ts
 * validateConnectorParams({ connectorId: 'google-sheets' });
 * // { connectorId: 'google-sheets', orgId: 'community' }
 * ```
 */
export function validateConnectorParams(params: unknown): NormalizedConnectorParams {
  const record = requireRecord('params', params);
  rejectUnknownKeys(record, CONNECTOR_PARAM_KEYS, 'connector parameter');

  const connectorId = validateId('connectorId', record.connectorId, true);
  const orgId = validateId('orgId', record.orgId, false) ?? COMMUNITY_ORG_ID;
  const tenantId = validateId('tenantId', record.tenantId, false);
  const connectionId = validateId('connectionId', record.connectionId, false);

  return {
    connectorId,
    orgId,
    ...(tenantId !== undefined && { tenantId }),
    ...(connectionId !== undefined && { connectionId }),
  };
}

/** The options of a wait for completion after {@link validatePollOptions}. @internal */
export interface CheckedPollOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Present only when the caller gave one. */
  readonly onStatus?: (status: StatusResponse) => void;
}

/**
 * Checks the options of a wait for completion and fills in the defaults.
 *
 * Both durations are milliseconds from 1 to 2^31 - 1 (the longest a timer can wait); fractions
 * are allowed. `onStatus`, when given, must be a function. Unknown keys are rejected, so
 * `timeoutMS` does not silently mean the default.
 *
 * @internal
 * @param options - What the caller passed, or `undefined`.
 * @param defaults - The client's `intervalMs` and `timeoutMs`.
 * @returns The interval and timeout to use, in milliseconds, and `onStatus` if given.
 * @throws {@link InvalidArgumentError} naming the bad field and showing its value.
 *
 * @example
 * ```ts
 * validatePollOptions({ timeoutMs: 120_000 }, { intervalMs: 2000, timeoutMs: 300_000 });
 * // { intervalMs: 2000, timeoutMs: 120000 }
 * ```
 */
export function validatePollOptions(
  options: unknown,
  defaults: { intervalMs: number; timeoutMs: number },
): CheckedPollOptions {
  if (options === undefined)
    return { intervalMs: defaults.intervalMs, timeoutMs: defaults.timeoutMs };

  const record = requireRecord('options', options);
  rejectUnknownKeys(record, POLL_OPTION_KEYS, 'poll option');

  const bounds = { integer: false, min: 1, max: MAX_TIMER_MS };
  const { onStatus } = record;
  if (onStatus !== undefined && typeof onStatus !== 'function') {
    throw new InvalidArgumentError(
      'onStatus',
      `onStatus must be a function, got ${describeType(onStatus)}`,
    );
  }

  return {
    intervalMs: optionalNumber('intervalMs', record.intervalMs, bounds) ?? defaults.intervalMs,
    timeoutMs: optionalNumber('timeoutMs', record.timeoutMs, bounds) ?? defaults.timeoutMs,
    ...(onStatus !== undefined && { onStatus: onStatus as CheckedPollOptions['onStatus'] }),
  };
}
