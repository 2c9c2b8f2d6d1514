import { isTransientStatus } from '../../lib/http/status';

describe('isTransientStatus', () => {
  it('treats no response at all as transient', () => {
    expect(isTransientStatus(undefined)).toBe(true);
  });

  it.each([408, 429, 500, 502, 503, 504])('treats %i as transient', (statusCode) => {
    expect(isTransientStatus(statusCode)).toBe(true);
  });

  it.each([0, 200, 302, 400, 401, 403, 404, 409, 422, 499, 501, 505, 511])(
    'treats %i as permanent',
    (statusCode) => {
      expect(isTransientStatus(statusCode)).toBe(false);
    },
  );
});
