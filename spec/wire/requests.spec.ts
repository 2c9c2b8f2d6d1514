import { resolveOptions } from '../../lib/config/FastnAuthOptions';
import { credentialsRequest, initializeRequest, statusRequest } from '../../lib/wire/requests';

const withKey = resolveOptions({ spaceId: 'space-1', apiKey: 'key-1' });
const withToken = resolveOptions({ spaceId: 'space-2', authToken: 'token-2', stage: 'DRAFT' });

const keyHeaders = {
  'Content-Type': 'application/json',
  Accept: 'application/json',
  'x-fastn-space-id': 'space-1',
  'x-fastn-api-key': 'key-1',
  stage: 'LIVE',
};
const tokenHeaders = {
  'Content-Type': 'application/json',
  Accept: 'application/json',
  'x-fastn-space-id': 'space-2',
  Authorization: 'Bearer token-2',
  stage: 'DRAFT',
};
const scopeHeaders = {
  'x-fastn-space-tenantid': 'tenant-1',
  'x-fastn-space-connection-id': 'conn-1',
};

describe('initializeRequest', () => {
  it('posts the connector and default org, with no tenant or connection', () => {
    const request = initializeRequest(withKey, {
      connectorId: 'google-sheets',
      orgId: 'community',
    });

    expect(request).toStrictEqual({
      path: '/ucl/connectorAuth/initialize',
      headers: keyHeaders,
      body: { input: { connectorId: 'google-sheets', orgId: 'community' } },
    });
  });

  it('sends the tenant and connection as headers and in the body', () => {
    const request = initializeRequest(withToken, {
      connectorId: 'salesforce',
      orgId: 'acme',
      tenantId: 'tenant-1',
      connectionId: 'conn-1',
    });

    expect(request).toStrictEqual({
      path: '/ucl/connectorAuth/initialize',
      headers: { ...tokenHeaders, ...scopeHeaders },
      body: {
        input: {
          connectorId: 'salesforce',
          orgId: 'acme',
          tenantId: 'tenant-1',
          connectionId: 'conn-1',
        },
      },
    });
  });

  it('sends only the tenant header when there is no connection', () => {
    const request = initializeRequest(withKey, {
      connectorId: 'c',
      orgId: 'community',
      tenantId: 'tenant-1',
    });

    expect(request.headers).toStrictEqual({ ...keyHeaders, 'x-fastn-space-tenantid': 'tenant-1' });
    expect(request.body).toStrictEqual({
      input: { connectorId: 'c', orgId: 'community', tenantId: 'tenant-1' },
    });
  });

  it('uses an overridden path', () => {
    const options = resolveOptions({
      spaceId: 's',
      apiKey: 'k',
      endpoints: { initialize: '/v2/start' },
    });

    expect(initializeRequest(options, { connectorId: 'c', orgId: 'community' }).path).toBe(
      '/v2/start',
    );
  });
});

describe('statusRequest', () => {
  it('posts the session id and state key', () => {
    const request = statusRequest(withKey, { sessionId: 'sess-1', stateKey: 'state-1' });

    expect(request).toStrictEqual({
      path: '/ucl/connectorAuth/status',
      headers: keyHeaders,
      body: { input: { sessionId: 'sess-1', stateKey: 'state-1' } },
    });
  });

  it('sends the session tenant and connection as headers only', () => {
    const request = statusRequest(withToken, {
      sessionId: 'sess-1',
      stateKey: 'state-1',
      tenantId: 'tenant-1',
      connectionId: 'conn-1',
    });

    expect(request.headers).toStrictEqual({ ...tokenHeaders, ...scopeHeaders });
    expect(request.body).toStrictEqual({ input: { sessionId: 'sess-1', stateKey: 'state-1' } });
  });

  it('sends only the connection header when there is no tenant', () => {
    const request = statusRequest(withKey, {
      sessionId: 's',
      stateKey: 'k',
      connectionId: 'conn-1',
    });

    expect(request.headers).toStrictEqual({
      ...keyHeaders,
      'x-fastn-space-connection-id': 'conn-1',
    });
  });
});

describe('credentialsRequest', () => {
  it('posts the connector with refresh false and no session', () => {
    const request = credentialsRequest(withKey, { connectorId: 'c', orgId: 'community' });

    expect(request).toStrictEqual({
      path: '/ucl/connectorAuth',
      headers: keyHeaders,
      body: { input: { connectorId: 'c', orgId: 'community', refresh: false } },
    });
  });

  it('adds the session id, tenant and connection when given', () => {
    const request = credentialsRequest(withToken, {
      connectorId: 'c',
      orgId: 'acme',
      tenantId: 'tenant-1',
      connectionId: 'conn-1',
      sessionId: 'sess-1',
    });

    expect(request).toStrictEqual({
      path: '/ucl/connectorAuth',
      headers: { ...tokenHeaders, ...scopeHeaders },
      body: {
        input: {
          connectorId: 'c',
          orgId: 'acme',
          tenantId: 'tenant-1',
          connectionId: 'conn-1',
          sessionId: 'sess-1',
          refresh: false,
        },
      },
    });
  });

  it('serializes to the camelCase JSON of the contract', () => {
    const request = credentialsRequest(withKey, {
      connectorId: 'c',
      orgId: 'community',
      sessionId: 's',
    });

    expect(JSON.stringify(request.body)).toBe(
      '{"input":{"connectorId":"c","orgId":"community","sessionId":"s","refresh":false}}',
    );
  });
});
