import { randomBytes, randomUUID } from 'node:crypto';
import {
  ATTRIBUTES_MAX,
  BotFeedback,
  CascadeError,
  EarlierList,
  EarlierOpen,
  Escalate,
  FileLinkRequest,
  Hello,
  KeepWaiting,
  LeaveEmail,
  MarkSeen,
  PageUrl,
  PageViewInput,
  PickSuggestion,
  Rate,
  RateNps,
  SendMessage,
  SetAttributes,
  SetLocale,
  SubmitPreChat,
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
import { claimAttributes, verifyIdentity, type IdentityClaims } from '../auth/identity.ts';
import type { Config } from '../config.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import type { Timers } from '../routing/timers.ts';
import type { VisitorActions } from '../waterfall/visitor-actions.ts';
import { visitorView, type ViewDeps } from '../waterfall/views.ts';
import { isWaiting } from '../waterfall/rules.ts';
import { toVisitorMessage, toVisitorMessages, toVisitorView } from '../waterfall/visitor-projection.ts';
import { handler, type Logger } from './handle.ts';
import { rooms } from './rooms.ts';
import { clientAddress, proxyTrust } from '../security/proxy.ts';
import { typingThrottle } from '../security/typing-throttle.ts';
import type { OriginLog } from '../security/origin-log.ts';
import { inFlight } from './in-flight.ts';
import type { EarlierConversations } from '../history/earlier.ts';
import type { FileAccess } from '../files/access.ts';
import type { SeenReceipts } from '../waterfall/seen.ts';
import { preChatDone } from '../waterfall/pre-chat.ts';
import { publicConfig } from '../proactive/public.ts';

/** What a visitor's socket keeps; `seen` is the conversation it last saw, a checked hint for the next message. */
type VisitorData = { siteId: string; visitorId: string; token: string; ip: string; seen: string | null };
type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorData>;

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

export type VisitorSocketDeps = ViewDeps & {
  config: Config;
  conversations: ConversationStore;
  rates: RateLimiter;
  notify: Notifier;
  clocks: Timers;
  /** Emails the conversation's transcript (delivery/transcript-request.ts). */
  requestTranscript: (site: Site, visitor: Visitor, email: string) => Promise<void>;
  /** Where the widget connected from, for the owner's "is it installed?" check. */
  origins: OriginLog;
  earlier: EarlierConversations;
  fileAccess: FileAccess;
  seen: SeenReceipts;
};

export function visitorNamespace(io: Server, d: VisitorSocketDeps, actions: VisitorActions, log: Logger) {
  const nsp = io.of('/visitor') as unknown as Namespace<
    VisitorClientEvents,
    VisitorServerEvents,
    Record<string, never>,
    VisitorData
  >;
  const handle = handler(log);
  const { clocks } = d;
  let closing = false;
  const running = inFlight();
  const trust = proxyTrust(d.config.TRUST_PROXY);
  const typingSignals = typingThrottle();
  const { origins } = d;

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- every path calls next(), even on failure
  nsp.use(async (socket, next) => {
    try {
      const ip = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trust);
      if (!(await d.rates.hit(`connect:${ip}`, d.config.RATE_CONNECTIONS_PER_IP_PER_MINUTE, 60))) {
        return next(new Error('rate_limited'));
      }
      const auth = VisitorAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error('invalid_payload'));
      const site = await d.sites.byPublicKey(auth.data.siteKey);
      if (!site) return next(new Error('unknown_site'));
      const origin = socket.handshake.headers.origin;
      if (!originAllowed(site, origin, socket.handshake.headers.host)) {
        if (origin) await origins.refused(site.id, origin);
        return next(new Error('origin_not_allowed'));
      }
      if (origin && site.allowedOrigins.includes(origin)) await origins.allowed(site.id, origin);
      const claims = auth.data.identity ? await identityClaims(site, auth.data.identity) : null;
      const known = auth.data.token ? await d.visitors.byToken(auth.data.token) : null;
      let visitor = known && known.siteId === site.id ? await d.visitors.get(site.id, known.visitorId) : null;
      // Another person signed in on this browser: they start afresh, never in the previous person's chat.
      if (visitor && claims && visitor.externalId !== null && visitor.externalId !== claims.sub) visitor = null;
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
      // Counted from presence in Redis, not by asking every process: a hung process would hold
      // every handshake for Socket.IO's request timeout (5 s) and then refuse it.
      if ((await d.notify.visitorSockets(site.id, visitor.id)) >= d.config.VISITOR_SOCKETS_PER_TOKEN)
        return next(tooManySockets());
      if (claims) {
        await d.visitors.update(site.id, visitor.id, identityPatch(visitor, claims));
        // The site's own claims win over what the page set; past the bound they are dropped, not fatal.
        if (!(await d.visitors.mergeAttributes(site.id, visitor.id, claimAttributes(claims))))
          log.warn({ siteId: site.id }, 'identity token attributes past the bound were dropped');
      }
      socket.data = { siteId: site.id, visitorId: visitor.id, token, ip, seen: null };
      next();
    } catch (e) {
      log.error({ err: e }, 'visitor handshake failed');
      next(new Error('unavailable'));
    }
  });

  const tooManySockets = () =>
    Object.assign(new Error('rate_limited'), {
      data: {
        message: `this visitor has ${d.config.VISITOR_SOCKETS_PER_TOKEN} connections open already; close a tab and try again`,
      },
    });

  async function identityClaims(site: Site, identity: string): Promise<IdentityClaims | null> {
    const secrets = await d.sites.secrets(site.id);
    const claims = secrets ? await verifyIdentity(identity, secrets.identitySecret) : null;
    if (!claims) log.warn({ siteId: site.id }, 'refused an identity token');
    return claims;
  }

  function identityPatch(visitor: Visitor, claims: IdentityClaims): Partial<Visitor> {
    return {
      verified: true,
      externalId: claims.sub,
      name: claims.name ?? visitor.name,
      email: claims.email ?? visitor.email,
    };
  }

  const who = (s: VisitorSocket) => actions.load(s.data);
  const currentOf = (s: VisitorSocket) => actions.current(s.data);

  /** Each read of earlier conversations goes to PostgreSQL: one visitor may not hammer it. */
  const earlierRate = (s: VisitorSocket) =>
    d.rates.check(
      `earlier:${s.data.siteId}:${s.data.visitorId}`,
      d.config.RATE_EARLIER_PER_VISITOR_PER_MINUTE,
      60,
      'you are opening earlier conversations very quickly; please wait a moment',
    );

  /** `hello` reports any page and still connects (a local file, say); only real web pages are kept. */
  async function recordPage(s: VisitorSocket, page: { url: string; title: string }): Promise<void> {
    if (!PageUrl.safeParse(page.url).success) return;
    await d.visitors.addPage(s.data.siteId, s.data.visitorId, { url: page.url, title: page.title, ts: Date.now() });
  }

  /**
   * Every request a visitor's socket can make. The table is built once and shared by all
   * sockets: a process holds many idle visitors, and each costs only its own state.
   */
  const requests: Record<string, (payload: unknown, ack: unknown, socket: VisitorSocket) => Promise<void>> = {
    hello: handle(Hello, async (p, s: VisitorSocket) => {
      const [{ site, visitor }, c] = await Promise.all([who(s), currentOf(s), p.page ? recordPage(s, p.page) : null]);
      s.data.seen = c?.id ?? null;
      return {
        token: s.data.token,
        visitorId: s.data.visitorId,
        preChatDone: preChatDone(site, visitor),
        earlier: await d.earlier.any(s.data, c?.id ?? null),
        site: publicConfig(site, new Date()),
        conversation: c ? toVisitorView(await visitorView(d, c)) : null,
        messages: c ? toVisitorMessages(await d.messages.after(c.id, p.after)) : [],
      };
    }),
    'message:send': handle(SendMessage, async (p, s: VisitorSocket) => {
      const sent = await actions.send(s.data, p, s.data.ip, s.data.seen);
      s.data.seen = sent.conversation.id;
      const message = toVisitorMessage(sent.message);
      if (!message) throw new Error('a visitor’s own message must be visible to them');
      return { message, conversation: toVisitorView(sent.conversation) };
    }),
    'messages:sync': handle(SyncMessages, async (p, s: VisitorSocket) => {
      const [, c] = await Promise.all([who(s), currentOf(s)]);
      return { messages: c ? toVisitorMessages(await d.messages.after(c.id, p.after)) : [] };
    }),
    'earlier:list': handle(EarlierList, async (_p, s: VisitorSocket) => {
      await earlierRate(s);
      const [, c] = await Promise.all([who(s), currentOf(s)]);
      return { conversations: await d.earlier.list(s.data, c?.id ?? null) };
    }),
    'earlier:open': handle(EarlierOpen, async (p, s: VisitorSocket) => {
      await earlierRate(s);
      const [, c] = await Promise.all([who(s), currentOf(s)]);
      return { messages: await d.earlier.open(s.data, c?.id ?? null, p.conversationId) };
    }),
    'bot:feedback': handle(BotFeedback, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.feedback(site, visitor, p.helpful);
    }),
    'bot:pick': handle(PickSuggestion, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.pick(site, visitor, p.entryId);
    }),
    'conversation:escalate': handle(Escalate, async (_p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.escalate(site, visitor, s.data.ip);
    }),
    'conversation:leave-email': handle(LeaveEmail, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.leaveEmail(site, visitor, p.email, p.name);
    }),
    'conversation:keep-waiting': handle(KeepWaiting, async (_p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.keepWaiting(site, visitor);
    }),
    'conversation:rate': handle(Rate, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.rate(site, visitor, p.score, p.comment);
    }),
    'conversation:nps': handle(RateNps, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      return actions.nps(site, visitor, p);
    }),
    'transcript:request': handle(TranscriptRequest, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      await d.requestTranscript(site, visitor, p.email);
      return {};
    }),
    typing: handle(Typing, async (p, s: VisitorSocket) => {
      const [, c] = await Promise.all([who(s), currentOf(s)]);
      const agentId = c?.agentId;
      if (c && agentId) {
        typingSignals.push(`${c.id}:visitor`, p.typing, (typing) =>
          d.notify.toAgent(agentId, 'typing', { conversationId: c.id, typing }),
        );
      }
      return {};
    }),
    'page:view': handle(PageViewInput, async (p, s: VisitorSocket) => {
      await recordPage(s, p);
      return {};
    }),
    'locale:set': handle(SetLocale, async (p, s: VisitorSocket) => {
      await d.visitors.update(s.data.siteId, s.data.visitorId, { locale: p.locale });
      return {};
    }),
    'file:link': handle(FileLinkRequest, async (p, s: VisitorSocket) => ({
      file: await d.fileAccess.forVisitor(s.data.siteId, s.data.visitorId, p.fileId),
    })),
    'attributes:set': handle(SetAttributes, async (p, s: VisitorSocket) => {
      if (!(await d.visitors.mergeAttributes(s.data.siteId, s.data.visitorId, p.attributes)))
        throw new CascadeError('invalid_payload', `a visitor has at most ${ATTRIBUTES_MAX} attributes`);
      return {};
    }),
    'prechat:submit': handle(SubmitPreChat, async (p, s: VisitorSocket) => {
      const { site, visitor } = await who(s);
      await actions.preChat(site, visitor, p.answers);
      return {};
    }),
    'messages:seen': handle(MarkSeen, async (p, s: VisitorSocket) => {
      const c = await currentOf(s);
      if (c) await d.seen.byVisitor(c, p.upTo);
      return {};
    }),
  } satisfies Record<keyof VisitorClientEvents, unknown>;

  /** One listener per socket for every request (Socket.IO calls it with the socket as `this`). */
  function onRequest(this: VisitorSocket, event: string, payload?: unknown, ack?: unknown): void {
    if (Object.hasOwn(requests, event)) void running.track(requests[event]!(payload, ack, this));
  }

  async function onDisconnect(this: VisitorSocket): Promise<void> {
    // A process that is shutting down hands its visitors to the others; they are not leaving.
    if (closing) return;
    const { siteId, visitorId } = this.data;
    try {
      if (await d.notify.visitorConnected(siteId, visitorId)) return;
      const conversationId = await d.visitors.currentConversation(siteId, visitorId);
      const c = conversationId ? await d.conversations.get(conversationId) : null;
      if (c && isWaiting(c)) {
        await clocks.visitorGone(siteId, visitorId, c.id, d.config.VISITOR_GRACE_SECONDS);
      }
    } catch (e) {
      log.error({ err: e }, 'visitor disconnect handling failed');
    }
  }

  nsp.on('connection', (socket: VisitorSocket) => {
    const room = rooms.visitor(socket.data.siteId, socket.data.visitorId);
    void socket.join(room);
    // Handshakes at the same moment all passed the count; those past the cap leave again.
    void nsp
      .in(room)
      .fetchSockets()
      .then((open) => {
        if (open.length > d.config.VISITOR_SOCKETS_PER_TOKEN) socket.disconnect(true);
      })
      .catch(() => {});
    socket.on('disconnect', function (this: VisitorSocket) {
      void running.track(onDisconnect.call(this));
    });
    socket.onAny(onRequest);
  });
  return {
    /** Stops treating disconnects as visitors leaving, then waits for the work already started. */
    async close(): Promise<void> {
      closing = true;
      typingSignals.close();
      await running.settled();
    },
  };
}
