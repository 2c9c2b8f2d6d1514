import { DEFAULT_ENDPOINTS } from '../../lib/wire/endpoints';

describe('DEFAULT_ENDPOINTS', () => {
  it('holds the three paths of the contract', () => {
    expect(DEFAULT_ENDPOINTS).toStrictEqual({
      initialize: '/ucl/connectorAuth/initialize',
      status: '/ucl/connectorAuth/status',
      credentials: '/ucl/connectorAuth',
    });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_ENDPOINTS)).toBe(true);
  });
});
