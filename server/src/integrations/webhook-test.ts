import { randomBytes } from 'node:crypto';
import { CascadeError, WebhookTest, WebhookTestResult } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { sendWebhook } from '../delivery/webhook.ts';
import { parse } from '../http/parse.ts';
import type { SiteStore } from '../store/sites.ts';

export type WebhookTestDeps = {
  sites: SiteStore;
  allowInternal: boolean;
};

/**
 * "Send a test event": one signed `webhook.test` POST to the saved URL, sent now rather than
 * queued, so the admin sees at once what the receiver answers (or why it could not be reached).
 */
export function webhookTestRoutes(app: FastifyInstance, deps: WebhookTestDeps, done: (err?: Error) => void): void {
  const doc = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary: 'Sends a signed test event to the site’s webhook URL now, and tells what the receiver answered',
        body: WebhookTest,
        response: { 200: WebhookTestResult },
      },
    },
  } as const;
  app.post('/api/integrations/webhooks/test', doc, async (req): Promise<WebhookTestResult> => {
    const { siteId } = parse(WebhookTest, req.body);
    const [site, secrets] = await Promise.all([deps.sites.get(siteId), deps.sites.secrets(siteId)]);
    if (!site || !secrets) throw new CascadeError('not_found', 'no such site');
    const url = site.sinks.webhookUrl;
    if (!url) throw new CascadeError('invalid_state', 'save a webhook URL first');
    const payload = {
      id: `wh.webhook.test.${randomBytes(8).toString('hex')}`,
      createdAt: Date.now(),
      siteId,
      type: 'webhook.test' as const,
      data: { message: 'A test event from Cascade: your receiver is reachable.' },
    };
    try {
      const answer = await sendWebhook(url, secrets.webhookSecret, payload, deps.allowInternal);
      return { url, ...answer, ok: answer.status >= 200 && answer.status <= 299 };
    } catch (e) {
      return { url, status: null, body: e instanceof Error ? e.message : String(e), ok: false };
    }
  });
  done();
}
