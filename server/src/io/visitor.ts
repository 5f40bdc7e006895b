import { randomBytes, randomUUID } from 'node:crypto';
import {
  BotFeedback,
  Escalate,
  Hello,
  KeepWaiting,
  LeaveEmail,
  PageViewInput,
  PickSuggestion,
  PublicSiteConfig,
  Rate,
  SendMessage,
  SetLocale,
  SyncMessages,
  TranscriptRequest,
  Typing,
  VisitorAuth,
  type Site,
  type Visitor,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@cascade/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import { verifyIdentity } from '../auth/identity.ts';
import type { WaterfallDeps } from '../waterfall/context.ts';
import type { VisitorActions } from '../waterfall/visitor-actions.ts';
import { visitorView } from '../waterfall/views.ts';
import { handler, type Logger } from './handle.ts';
import { rooms } from './rooms.ts';
import { timers } from '../routing/timers.ts';
import { requestTranscript } from '../delivery/transcript-request.ts';

type VisitorData = { siteId: string; visitorId: string; token: string; ip: string };
type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorData>;

/** The caller's address; behind a trusted load balancer, the first X-Forwarded-For hop. */
export function clientIp(address: string, forwarded: string | string[] | undefined, trustProxy: boolean): string {
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : address;
}

/** The browser's Origin must be on the site's allow-list, or be this server itself (the demo page). */
export function originAllowed(site: Site, origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (site.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function visitorNamespace(io: Server, d: WaterfallDeps, actions: VisitorActions, log: Logger) {
  const nsp = io.of('/visitor') as unknown as Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorData>;
  const handle = handler(log);
  const clocks = timers(d.queues);
  let closing = false;

  nsp.use(async (socket, next) => {
    try {
      const ip = clientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], d.config.TRUST_PROXY);
      if (!(await d.rates.hit(`connect:${ip}`, d.config.RATE_CONNECTIONS_PER_IP_PER_MINUTE, 60))) {
        return next(new Error('rate_limited'));
      }
      const auth = VisitorAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error('invalid_payload'));
      const site = await d.sites.byPublicKey(auth.data.siteKey);
      if (!site) return next(new Error('unknown_site'));
      if (!originAllowed(site, socket.handshake.headers.origin, socket.handshake.headers.host)) {
        return next(new Error('origin_not_allowed'));
      }
      const known = auth.data.token ? await d.visitors.byToken(auth.data.token) : null;
      let visitor = known && known.siteId === site.id ? await d.visitors.get(site.id, known.visitorId) : null;
      let token = auth.data.token ?? '';
      if (!visitor) {
        token = randomBytes(24).toString('base64url');
        visitor = {
          id: randomUUID().replace(/-/g, ''),
          siteId: site.id,
          name: null,
          email: null,
          externalId: null,
          verified: false,
          locale: auth.data.locale ?? site.defaultLocale,
          userAgent: socket.handshake.headers['user-agent']?.slice(0, 512) ?? null,
          createdAt: Date.now(),
        };
        await d.visitors.create(visitor, token);
      }
      if (auth.data.identity) await applyIdentity(site, visitor, auth.data.identity);
      socket.data = { siteId: site.id, visitorId: visitor.id, token, ip };
      next();
    } catch (e) {
      log.error({ err: e }, 'visitor handshake failed');
      next(new Error('unavailable'));
    }
  });

  async function applyIdentity(site: Site, visitor: Visitor, identity: string): Promise<void> {
    const secrets = await d.sites.secrets(site.id);
    const claims = secrets ? await verifyIdentity(identity, secrets.identitySecret) : null;
    if (!claims) {
      log.warn({ siteId: site.id, visitorId: visitor.id }, 'refused an identity token');
      return;
    }
    const patch = { verified: true, externalId: claims.sub, name: claims.name ?? visitor.name, email: claims.email ?? visitor.email };
    await d.visitors.update(site.id, visitor.id, patch);
  }

  nsp.on('connection', (socket: VisitorSocket) => {
    const { siteId, visitorId, token, ip } = socket.data;
    void socket.join(rooms.visitor(siteId, visitorId));

    const ref = { siteId, visitorId };
    const who = () => actions.load(ref);
    /** The conversation this socket last saw, a hint for the next message (checked, never trusted). */
    let seen: string | null = null;

    async function recordPage(page: { url: string; title: string }): Promise<void> {
      if (!/^https?:\/\//.test(page.url)) return;
      await d.visitors.addPage(siteId, visitorId, { url: page.url, title: page.title, ts: Date.now() });
    }

    socket.on('disconnect', async () => {
      // A process that is shutting down hands its visitors to the others; they are not leaving.
      if (closing) return;
      try {
        if (await d.notify.visitorConnected(siteId, visitorId)) return;
        const conversationId = await d.visitors.currentConversation(siteId, visitorId);
        const c = conversationId ? await d.conversations.get(conversationId) : null;
        if (c && (c.state === 'queued' || c.state === 'offered_ticket')) {
          await clocks.visitorGone(siteId, visitorId, c.id, d.config.VISITOR_GRACE_SECONDS);
        }
      } catch (e) {
        log.error({ err: e }, 'visitor disconnect handling failed');
      }
    });

    socket.on(
      'hello',
      handle(Hello, async (p) => {
        const [{ site }, c] = await Promise.all([who(), actions.current(ref), p.page ? recordPage(p.page) : null]);
        seen = c?.id ?? null;
        return {
          token,
          visitorId,
          site: PublicSiteConfig.parse(site),
          conversation: c ? await visitorView(d, c) : null,
          messages: c ? (await d.messages.after(c.id, p.after)).filter((m) => !m.internal) : [],
        };
      }),
    );
    socket.on(
      'message:send',
      handle(SendMessage, async (p) => {
        const sent = await actions.send(ref, p, ip, seen);
        seen = sent.conversation.id;
        return sent;
      }),
    );
    socket.on(
      'messages:sync',
      handle(SyncMessages, async (p) => {
        const [, c] = await Promise.all([who(), actions.current(ref)]);
        return { messages: c ? (await d.messages.after(c.id, p.after)).filter((m) => !m.internal) : [] };
      }),
    );
    socket.on(
      'bot:feedback',
      handle(BotFeedback, async (p) => {
        const { site, visitor } = await who();
        return actions.feedback(site, visitor, p.helpful);
      }),
    );
    socket.on(
      'bot:pick',
      handle(PickSuggestion, async (p) => {
        const { site, visitor } = await who();
        return actions.pick(site, visitor, p.entryId);
      }),
    );
    socket.on(
      'conversation:escalate',
      handle(Escalate, async () => {
        const { site, visitor } = await who();
        return actions.escalate(site, visitor, ip);
      }),
    );
    socket.on(
      'conversation:leave-email',
      handle(LeaveEmail, async (p) => {
        const { site, visitor } = await who();
        return actions.leaveEmail(site, visitor, p.email, p.name);
      }),
    );
    socket.on(
      'conversation:keep-waiting',
      handle(KeepWaiting, async () => {
        const { site, visitor } = await who();
        return actions.keepWaiting(site, visitor);
      }),
    );
    socket.on(
      'conversation:rate',
      handle(Rate, async (p) => {
        const { site, visitor } = await who();
        return actions.rate(site, visitor, p.score, p.comment);
      }),
    );
    socket.on(
      'transcript:request',
      handle(TranscriptRequest, async (p) => {
        const { site, visitor } = await who();
        await requestTranscript(d, site, visitor, p.email);
        return {};
      }),
    );
    socket.on(
      'typing',
      handle(Typing, async (p) => {
        const [, c] = await Promise.all([who(), actions.current(ref)]);
        if (c?.agentId) d.notify.toAgent(c.agentId, 'typing', { conversationId: c.id, typing: p.typing });
        return {};
      }),
    );
    socket.on(
      'page:view',
      handle(PageViewInput, async (p) => {
        await recordPage(p);
        return {};
      }),
    );
    socket.on(
      'locale:set',
      handle(SetLocale, async (p) => {
        await d.visitors.update(siteId, visitorId, { locale: p.locale });
        return {};
      }),
    );
  });
  return {
    close() {
      closing = true;
    },
  };
}
