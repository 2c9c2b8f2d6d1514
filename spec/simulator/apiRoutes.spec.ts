import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';
import { ManualClock, initialize, post } from './simulatorClient';

const INITIALIZE = '/ucl/connectorAuth/initialize';
const STATUS = '/ucl/connectorAuth/status';
const CREDENTIALS = '/ucl/connectorAuth';

describe('the simulated API', () => {
  const clock = new ManualClock();
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({ now: clock.now, sessionTtlMs: 60_000, credentialTtlMs: 120_000 });
  });

  afterAll(() => sim.close());

  describe('initialize', () => {
    it('starts an INACTIVE session whose redirect URL is the simulator consent page', async () => {
      const answer = await post(sim, INITIALIZE, { connectorId: 'google-sheets', orgId: 'acme' });

      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = answer.body as Record<string, string>;
      const origin = `http://127.0.0.1:${sim.port}`;
      expect(body).toEqual({
        sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        stateKey: expect.stringMatching(/^[\w-]{32}$/),
        redirectUrl: `${origin}/consent/${body.sessionId}?state=${body.stateKey}`,
        status: 'INACTIVE',
        expiresAt: new Date(clock.nowMs + 60_000).toISOString(),
      });
      expect(sim.session(body.sessionId!)).toMatchObject({
        status: 'INACTIVE',
        connectorId: 'google-sheets',
        orgId: 'acme',
      });
    });

    it('gives every session its own id and state key', async () => {
      const first = await initialize(sim);
      const second = await initialize(sim);

      expect(second.sessionId).not.toBe(first.sessionId);
      expect(second.stateKey).not.toBe(first.stateKey);
    });

    it('defaults the org to community and reads tenant and connection headers', async () => {
      const { sessionId } = await initialize(
        sim,
        { connectorId: 'slack' },
        { 'x-fastn-space-tenantid': 'tenant-a', 'x-fastn-space-connection-id': 'conn-1' },
      );

      expect(sim.session(sessionId)).toMatchObject({
        orgId: 'community',
        tenantId: 'tenant-a',
        connectionId: 'conn-1',
      });
    });

    it('takes tenant and connection from the input when no header carries them', async () => {
      const { sessionId } = await initialize(sim, {
        connectorId: 'slack',
        tenantId: 'tenant-b',
        connectionId: 'conn-2',
      });

      expect(sim.session(sessionId)).toMatchObject({
        tenantId: 'tenant-b',
        connectionId: 'conn-2',
      });
    });

    it('answers 400 when the tenant header and input disagree', async () => {
      const answer = await post(
        sim,
        INITIALIZE,
        { connectorId: 'slack', tenantId: 'tenant-b' },
        { 'x-fastn-space-tenantid': 'tenant-a' },
      );

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        code: 'BAD_REQUEST',
        statusCode: 400,
        error: 'x-fastn-space-tenantid and input.tenantId differ',
      });
    });
  });

  describe('authentication and headers', () => {
    it.each([
      [
        'the space header is missing',
        { 'x-fastn-space-id': undefined },
        'Missing x-fastn-space-id header',
      ],
      [
        'the space is another one',
        { 'x-fastn-space-id': 'other' },
        'Unknown space in x-fastn-space-id',
      ],
      [
        'no credential is sent',
        { 'x-fastn-api-key': undefined },
        'Missing x-fastn-api-key or Authorization header',
      ],
      ['the API key is wrong', { 'x-fastn-api-key': 'wrong' }, 'Invalid API key or bearer token'],
      [
        'the bearer token is wrong',
        { 'x-fastn-api-key': undefined, authorization: 'Bearer wrong' },
        'Invalid API key or bearer token',
      ],
      [
        'a good token comes with a wrong key',
        { 'x-fastn-api-key': 'wrong', authorization: 'Bearer sim-auth-token' },
        'Invalid API key or bearer token',
      ],
    ])('answers 401 UNAUTHORIZED when %s', async (_case, headers, error) => {
      const answer = await post(sim, INITIALIZE, { connectorId: 'slack' }, headers);

      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: 'UNAUTHORIZED', statusCode: 401, error });
    });

    it('never repeats the credential it was sent', async () => {
      const answer = await post(sim, STATUS, {}, { 'x-fastn-api-key': 'leaked-secret-value' });

      expect(answer.text).not.toContain('leaked-secret-value');
    });

    it('accepts the bearer token instead of the API key', async () => {
      const answer = await post(
        sim,
        INITIALIZE,
        { connectorId: 'slack' },
        { 'x-fastn-api-key': undefined, authorization: `Bearer ${sim.authToken}` },
      );

      expect(answer.status).toBe(200);
    });

    it('accepts the DRAFT stage and a missing stage header', async () => {
      const draft = await post(sim, INITIALIZE, { connectorId: 'slack' }, { stage: 'DRAFT' });
      const missing = await post(sim, INITIALIZE, { connectorId: 'slack' }, { stage: undefined });

      expect([draft.status, missing.status]).toEqual([200, 200]);
    });

    it('answers 400 for any other stage', async () => {
      const answer = await post(sim, INITIALIZE, { connectorId: 'slack' }, { stage: 'PROD' });

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        code: 'BAD_REQUEST',
        statusCode: 400,
        error: 'The stage header must be LIVE or DRAFT',
      });
    });

    it('answers 415 when the body is not declared JSON', async () => {
      const answer = await post(
        sim,
        INITIALIZE,
        { connectorId: 'slack' },
        { 'content-type': 'text/plain' },
      );

      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', statusCode: 415 });
    });
  });

  describe('body validation', () => {
    it.each([
      ['the input is missing', '{}', 'input is required'],
      ['the connector id is missing', '{"input":{}}', 'input.connectorId is required'],
      [
        'the connector id is a number',
        '{"input":{"connectorId":7}}',
        'input.connectorId must be string',
      ],
      ['the body is not an object', '[1]', 'body must be object'],
      ['the body is not JSON', '{"input":', expect.stringMatching(/JSON/)],
    ])('answers 400 naming the problem when %s', async (_case, body, error) => {
      const answer = await post(sim, INITIALIZE, undefined, {}, body);

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 'BAD_REQUEST', statusCode: 400, error });
    });

    it('requires both the session id and the state key for a status', async () => {
      const answer = await post(sim, STATUS, { sessionId: 'x' });

      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'input.stateKey is required' });
    });
  });

  describe('status', () => {
    it('reports INACTIVE, then ACTIVE once approved', async () => {
      const { sessionId, stateKey } = await initialize(sim);

      const before = await post(sim, STATUS, { sessionId, stateKey });
      sim.approve(sessionId);
      const after = await post(sim, STATUS, { sessionId, stateKey });

      expect(before.body).toEqual({ status: 'INACTIVE', errorMessage: null });
      expect(after.body).toEqual({ status: 'ACTIVE', errorMessage: null });
    });

    it('reports FAILED with the message once denied', async () => {
      const { sessionId, stateKey } = await initialize(sim);

      sim.deny(sessionId, 'No thanks');
      const answer = await post(sim, STATUS, { sessionId, stateKey });

      expect(answer.body).toEqual({ status: 'FAILED', errorMessage: 'No thanks' });
    });

    it('answers 404 for an unknown session', async () => {
      const answer = await post(sim, STATUS, { sessionId: 'nope', stateKey: 'nope' });

      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        code: 'NOT_FOUND',
        statusCode: 404,
        error: 'Session not found',
      });
    });

    it('answers 403 when the state key is not the session one', async () => {
      const { sessionId } = await initialize(sim);

      const answer = await post(sim, STATUS, { sessionId, stateKey: 'guess' });

      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        code: 'FORBIDDEN',
        statusCode: 403,
        error: 'State key does not match the session',
      });
    });

    it('answers 404 when another tenant asks about the session', async () => {
      const session = await initialize(sim, { connectorId: 'slack', tenantId: 'tenant-a' });

      const answer = await post(
        sim,
        STATUS,
        { sessionId: session.sessionId, stateKey: session.stateKey },
        { 'x-fastn-space-tenantid': 'tenant-b' },
      );

      expect(answer.status).toBe(404);
    });

    it('reports EXPIRED once a pending session outlives its time to live', async () => {
      const { sessionId, stateKey } = await initialize(sim);

      clock.advance(59_999);
      const justBefore = await post(sim, STATUS, { sessionId, stateKey });
      clock.advance(1);
      const atExpiry = await post(sim, STATUS, { sessionId, stateKey });

      expect(justBefore.body).toEqual({ status: 'INACTIVE', errorMessage: null });
      expect(atExpiry.body).toEqual({ status: 'EXPIRED', errorMessage: 'Session expired' });
      expect(sim.session(sessionId)?.status).toBe('EXPIRED');
      expect(() => sim.approve(sessionId)).toThrow(/is EXPIRED, not pending/);
    });

    it('keeps the outcome of a settled session after its time to live', async () => {
      const { sessionId, stateKey } = await initialize(sim);

      sim.approve(sessionId);
      clock.advance(61_000);
      const answer = await post(sim, STATUS, { sessionId, stateKey });

      expect(answer.body).toEqual({ status: 'ACTIVE', errorMessage: null });
    });
  });

  describe('credentials', () => {
    it('answers the credentials issued when the session was approved', async () => {
      const { sessionId } = await initialize(sim, { connectorId: 'hubspot', tenantId: 't1' });
      sim.approve(sessionId);

      const answer = await post(sim, CREDENTIALS, {
        connectorId: 'hubspot',
        orgId: 'community',
        tenantId: 't1',
        sessionId,
        refresh: false,
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        auth: {
          access_token: expect.stringMatching(/^sim-at-/),
          refresh_token: expect.stringMatching(/^sim-rt-/),
          token_type: 'Bearer',
          expires_in: 120,
          scope: 'hubspot.read hubspot.write',
        },
      });
    });

    it('answers 404 Connector not connected before any approval', async () => {
      const answer = await post(sim, CREDENTIALS, { connectorId: 'never-approved' });

      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        code: 'NOT_FOUND',
        statusCode: 404,
        error: 'Connector not connected',
      });
    });

    it('never shows one tenant the credentials another tenant approved', async () => {
      const { sessionId } = await initialize(
        sim,
        { connectorId: 'jira' },
        { 'x-fastn-space-tenantid': 'tenant-a' },
      );
      sim.approve(sessionId);

      const forA = await post(
        sim,
        CREDENTIALS,
        { connectorId: 'jira' },
        {
          'x-fastn-space-tenantid': 'tenant-a',
        },
      );
      const forB = await post(
        sim,
        CREDENTIALS,
        { connectorId: 'jira' },
        {
          'x-fastn-space-tenantid': 'tenant-b',
        },
      );
      const forNoTenant = await post(sim, CREDENTIALS, { connectorId: 'jira' });

      expect(forA.status).toBe(200);
      expect([forB.status, forNoTenant.status]).toEqual([404, 404]);
    });

    it('keeps connections of one tenant apart', async () => {
      const { sessionId } = await initialize(sim, {
        connectorId: 'gmail',
        tenantId: 't',
        connectionId: 'work',
      });
      sim.approve(sessionId);

      const work = await post(sim, CREDENTIALS, {
        connectorId: 'gmail',
        tenantId: 't',
        connectionId: 'work',
      });
      const home = await post(sim, CREDENTIALS, {
        connectorId: 'gmail',
        tenantId: 't',
        connectionId: 'home',
      });

      expect([work.status, home.status]).toEqual([200, 404]);
    });

    it('counts expires_in down with the clock, then answers 404 once expired', async () => {
      const { sessionId } = await initialize(sim, { connectorId: 'notion' });
      sim.approve(sessionId);

      clock.advance(119_001);
      const late = await post(sim, CREDENTIALS, { connectorId: 'notion' });
      clock.advance(999);
      const expired = await post(sim, CREDENTIALS, { connectorId: 'notion' });

      expect((late.body as { auth: { expires_in: number } }).auth.expires_in).toBe(1);
      expect(expired.status).toBe(404);
    });

    it('issues fresh credentials when the connector is approved again', async () => {
      const first = await initialize(sim, { connectorId: 'asana' });
      sim.approve(first.sessionId);
      const before = await post(sim, CREDENTIALS, { connectorId: 'asana' });

      const second = await initialize(sim, { connectorId: 'asana' });
      sim.approve(second.sessionId);
      const after = await post(sim, CREDENTIALS, { connectorId: 'asana' });

      const token = (answer: typeof before) =>
        (answer.body as { auth: { access_token: string } }).auth.access_token;
      expect(token(after)).not.toBe(token(before));
    });
  });

  it('answers 404 in the contract error shape for a path it does not serve', async () => {
    const answer = await post(sim, '/ucl/other', {});

    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'NOT_FOUND', statusCode: 404 });
  });
});

describe('the response styles', () => {
  const sims: SimulatorHandle[] = [];
  afterAll(() => Promise.all(sims.map((sim) => sim.close())));

  async function flow(style: 'snake' | 'wrapped') {
    const sim = await startSimulator({ responseStyle: style });
    sims.push(sim);
    const started = await post(sim, INITIALIZE, { connectorId: 'slack' });
    return { sim, started: started.body as Record<string, unknown> };
  }

  it('answers snake_case keys in the snake style', async () => {
    const { sim, started } = await flow('snake');
    const sessionId = started.session_id as string;
    sim.deny(sessionId);

    const status = await post(sim, STATUS, { sessionId, stateKey: started.state_key });

    expect(Object.keys(started).sort()).toEqual(
      ['expires_at', 'redirect_url', 'session_id', 'state_key', 'status'].sort(),
    );
    expect(status.body).toEqual({ status: 'FAILED', error_message: 'The user denied access' });
  });

  it('wraps every answer once in data in the wrapped style', async () => {
    const { sim, started } = await flow('wrapped');
    const { sessionId, stateKey } = started.data as { sessionId: string; stateKey: string };
    sim.approve(sessionId);

    const status = await post(sim, STATUS, { sessionId, stateKey });
    const credentials = await post(sim, CREDENTIALS, { connectorId: 'slack' });

    expect(Object.keys(started)).toEqual(['data']);
    expect(status.body).toEqual({ data: { status: 'ACTIVE', errorMessage: null } });
    expect(credentials.body).toEqual({
      data: { auth: expect.objectContaining({ token_type: 'Bearer' }) },
    });
  });

  it('keeps error bodies in the contract shape whatever the style', async () => {
    const { sim } = await flow('wrapped');

    const answer = await post(sim, STATUS, { sessionId: 'nope', stateKey: 'nope' });

    expect(answer.body).toEqual({ code: 'NOT_FOUND', statusCode: 404, error: 'Session not found' });
  });
});
