import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

import { CONSENT_PAGE_HEADERS, renderConsentPage, renderMessagePage } from './consentPage';
import type { SessionRecord } from './SessionStore';
import type { SimulatorCore } from './SimulatorCore';

interface ConsentRequest {
  Params: { sessionId: string };
  Querystring: { state?: unknown };
  Body: { state?: unknown } | undefined;
}

/** A short HTML answer: a consent result, or why the request cannot go on. */
interface MessagePage {
  readonly statusCode: number;
  readonly title: string;
  readonly message: string;
}

/**
 * The consent pages, as a fastify plugin to register under `/consent`.
 *
 * `GET /:sessionId?state=...` shows the page; its form posts the state to `/:sessionId/approve`
 * or `/:sessionId/deny`, which settle the session exactly as the handle's `approve` and `deny`
 * do. Faults never touch these routes and they are not counted.
 *
 * @param core - the simulator's state
 * @returns the plugin
 * @internal
 */
export function consentRoutes(core: SimulatorCore) {
  return async function consent(app: FastifyInstance): Promise<void> {
    // Browsers post forms urlencoded; the state key is the only field this scope reads.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    app.setErrorHandler((error: FastifyError, _request, reply) => {
      const statusCode = error.statusCode !== undefined && error.statusCode < 500 ? 400 : 500;
      return sendPage(reply, {
        statusCode,
        title: 'Bad request',
        message: 'The form was invalid.',
      });
    });

    app.get<ConsentRequest>('/:sessionId', async (request, reply) => {
      const found = findPending(core, request.params.sessionId, request.query.state);
      if ('refusal' in found) return sendPage(reply, found.refusal);

      return reply.code(200).headers(CONSENT_PAGE_HEADERS).send(renderConsentPage(found.record));
    });

    app.post<ConsentRequest>('/:sessionId/approve', async (request, reply) => {
      const found = findPending(core, request.params.sessionId, request.body?.state);
      if ('refusal' in found) return sendPage(reply, found.refusal);

      core.approve(found.record.sessionId);
      return sendPage(reply, {
        statusCode: 200,
        title: 'Connected',
        message: 'Connected. You can close this window.',
      });
    });

    app.post<ConsentRequest>('/:sessionId/deny', async (request, reply) => {
      const found = findPending(core, request.params.sessionId, request.body?.state);
      if ('refusal' in found) return sendPage(reply, found.refusal);

      core.deny(found.record.sessionId);
      return sendPage(reply, { statusCode: 200, title: 'Denied', message: 'Access denied.' });
    });
  };
}

/** The session when it exists, the state matches and it is still pending; else why not. */
function findPending(
  core: SimulatorCore,
  sessionId: string,
  state: unknown,
): { record: SessionRecord } | { refusal: MessagePage } {
  const record = core.sessions.find(sessionId);
  if (record === undefined) {
    return refuse(404, 'Not found', 'There is no authorization at this address.');
  }
  if (state !== record.stateKey) {
    return refuse(403, 'Forbidden', 'This link is not valid for the authorization.');
  }

  const { status } = core.sessions.statusOf(record);
  if (status === 'EXPIRED') {
    return refuse(410, 'Expired', 'This authorization has expired. Start again from the app.');
  }
  if (status !== 'INACTIVE') {
    return refuse(409, 'Already complete', 'This authorization has already been answered.');
  }
  return { record };
}

function refuse(statusCode: number, title: string, message: string): { refusal: MessagePage } {
  return { refusal: { statusCode, title, message } };
}

function sendPage(reply: FastifyReply, page: MessagePage): FastifyReply {
  return reply
    .code(page.statusCode)
    .headers(CONSENT_PAGE_HEADERS)
    .send(renderMessagePage(page.title, page.message));
}
