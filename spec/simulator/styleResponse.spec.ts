import { styleResponse } from '../../lib/simulator/styleResponse';

describe('styleResponse', () => {
  const body = { sessionId: 's', stateKey: 'k', errorMessage: null, auth: { access_token: 'a' } };

  it('answers the canonical body as it is', () => {
    expect(styleResponse('canonical', body)).toBe(body);
  });

  it('turns top-level keys to snake_case and leaves nested ones alone', () => {
    expect(styleResponse('snake', body)).toEqual({
      session_id: 's',
      state_key: 'k',
      error_message: null,
      auth: { access_token: 'a' },
    });
  });

  it('wraps the canonical body once in data', () => {
    expect(styleResponse('wrapped', body)).toEqual({ data: body });
  });
});
