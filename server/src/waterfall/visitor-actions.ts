import {
  CascadeError,
  openStates,
  type BotDecision,
  type Attachment,
  type Conversation,
  type ConversationView,
  type Locale,
  type Message,
  type RateNps,
  type SendMessage,
  type Site,
  type Visitor,
} from '@cascade/shared';
import { smalltalkReply } from '@cascade/bot';
import { addEvent } from '../store/event-stream.ts';
import { botPhrases } from '../bot/phrases.ts';
import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { BotService } from '../bot/service.ts';
import type { DomainEvents } from '../events.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Waterfall } from './service.ts';
import { queueViews, visitorView, type ViewDeps } from './views.ts';
import {
  articlePickRefusal,
  botAnswersInLine,
  botHearsInLine,
  isWaiting,
  ratingRefusal,
  type RuleRefusal,
} from './rules.ts';
import { toVisitorView } from './visitor-projection.ts';
import { offerIfNobodyCanCome } from './nobody-now.ts';
import { ignoreIfMovedOn } from './moved-on.ts';
import { priorityFor } from '../routing/priority.ts';
import type { Repairs } from './repair.ts';
import type { AnswerTags } from '../history/answer-tags.ts';
import type { TicketStore } from '../store/tickets.ts';
import { addTicketContact } from '../tickets/contact.ts';
import { subjectOf } from './subject.ts';
import type { FileRecords } from '../files/records.ts';
import { attachFiles, messageKey } from '../files/attach.ts';
import type { Notifier } from './notifier.ts';
import { holdsHandoff, submitPreChat } from './pre-chat.ts';
import { answerNps, asksCsat } from './nps.ts';

function enforce(refused: RuleRefusal | null): void {
  if (refused) throw new CascadeError(refused.code, refused.message);
}

/** Who is asking: the socket knows these from its handshake. */
export type VisitorRef = { siteId: string; visitorId: string };

export type VisitorActionDeps = ViewDeps & {
  config: Config;
  redis: Redis;
  keys: Keys;
  conversations: ConversationStore;
  bots: BotService;
  events: DomainEvents;
  rates: RateLimiter;
  repair: Repairs;
  answerTags: AnswerTags;
  tickets: TicketStore;
  fileRecords: FileRecords;
  notify: Pick<Notifier, 'toVisitor'>;
};

/** What a visitor can do, each step going through the waterfall. */
export function visitorActions(d: VisitorActionDeps, w: Waterfall) {
  async function current(ref: VisitorRef): Promise<Conversation | null> {
    const id = await d.visitors.currentConversation(ref.siteId, ref.visitorId);
    return id ? d.conversations.get(id) : null;
  }

  /** The visitor and their site as stored now; a visitor deleted meanwhile must reconnect. */
  async function load(ref: VisitorRef): Promise<{ site: Site; visitor: Visitor }> {
    const [site, visitor] = await Promise.all([d.sites.get(ref.siteId), d.visitors.get(ref.siteId, ref.visitorId)]);
    if (!site || !visitor) throw new CascadeError('unauthorized', 'this visitor is no longer known; reconnect');
    return { site, visitor };
  }

  /** The visitor's open conversation, or a new one: new ones are limited per IP address. */
  async function openConversation(site: Site, visitor: Visitor, ip: string): Promise<Conversation> {
    const c = await current({ siteId: site.id, visitorId: visitor.id });
    if (c && openStates.has(c.state)) return c;
    if (site.requireIdentity && !visitor.verified) {
      throw new CascadeError('identity_invalid', 'this site asks you to sign in before you chat');
    }
    await d.rates.check(
      `conv:${ip}`,
      d.config.RATE_CONVERSATIONS_PER_IP_PER_HOUR,
      3600,
      'too many new conversations from your network; please try again later',
    );
    // The first chat is what makes a visitor worth remembering (see VisitorStore.create); the
    // conversation need not wait for that to be written.
    const [, started] = await Promise.all([
      d.visitors.keep(site.id, visitor.id),
      w.start(site, visitor, c?.id ?? null),
    ]);
    return started;
  }

  async function required(site: Site, visitor: Visitor): Promise<Conversation> {
    const c = await current({ siteId: site.id, visitorId: visitor.id });
    if (!c) throw new CascadeError('no_conversation', 'there is no conversation yet');
    return c;
  }

  function botText(decision: BotDecision, locale: Locale): string {
    const phrases = botPhrases[locale];
    switch (decision.kind) {
      case 'answer':
        return decision.text;
      case 'suggest':
        return phrases.suggest;
      case 'escalate':
        return decision.reason === 'human_requested' ? phrases.humanRequested : phrases.escalate;
      case 'smalltalk':
        return smalltalkReply(decision.intent, decision.language);
    }
  }

  async function botSays(c: Conversation, decision: BotDecision): Promise<Message> {
    const locale = (['en', 'ar', 'fa'] as const).find((l) => l === decision.language) ?? c.locale;
    const message = await w.post({
      conversationId: c.id,
      clientMsgId: null,
      author: 'bot',
      agentId: null,
      authorName: null,
      text: botText(decision, locale),
      internal: false,
      bot: decision,
      event: null,
      data: null,
    });
    await addEvent(d.redis, d.keys, c.siteId, c.id, {
      event: 'bot_decision',
      kind: decision.kind,
      confidence: String(decision.confidence),
      entryId: 'entryId' in decision ? decision.entryId : '',
      ts: String(Date.now()),
    });
    if (decision.kind === 'answer') await d.answerTags.tag(c.siteId, c.id, decision.entryId);
    return message;
  }

  /**
   * Queues the chat at the priority the site's rules give it. If it was not claimed at once
   * and nobody with the skill is online, or the site is closed, the visitor is told so at once.
   */
  async function escalate(site: Site, visitor: Visitor, c: Conversation, skill: string | null): Promise<Conversation> {
    if (holdsHandoff(site, visitor)) return holdHandoff(c);
    const [pages, skillGuess] = await Promise.all([d.visitors.pages(site.id, visitor.id), skill ?? lastSkill(c)]);
    const priority = priorityFor(site.priorityRules, {
      verified: visitor.verified,
      pageUrl: pages.at(-1)?.url ?? null,
      attributes: visitor.attributes,
    });
    await w.apply(
      c,
      { type: 'escalate', skill: site.skills.includes(skillGuess) ? skillGuess : 'general', priority },
      'visitor',
      { site },
    );
    const queued = (await d.conversations.get(c.id)) ?? c;
    if (queued.state === 'queued') await recordEstimate(site, queued);
    return offerIfNobodyCanCome(d, w, site, queued);
  }

  /** The chat stays with the bot; the widget shows the form, and its answers resume the handoff (`preChat`). */
  async function holdHandoff(c: Conversation): Promise<Conversation> {
    await d.conversations.update(c.id, { handoffHeld: true });
    const held = { ...c, handoffHeld: true };
    d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', toVisitorView(await visitorView(d, held)));
    return held;
  }

  /** The wait the visitor is first promised, beside the real one on the dashboard (metrics/summary.ts). */
  async function recordEstimate(site: Site, c: Conversation): Promise<void> {
    const [view] = await queueViews(d, site, [c]);
    if (!view?.queue?.available) return;
    await addEvent(d.redis, d.keys, site.id, c.id, {
      event: 'wait_estimated',
      skill: c.skill,
      seconds: String(view.queue.etaSeconds),
      ts: String(Date.now()),
    });
  }

  /** escalate() reads the chat back after its claims, so its answer needs no second read. */
  async function answer(c: Conversation): Promise<{ conversation: ConversationView }> {
    return { conversation: toVisitorView(await visitorView(d, c)) };
  }

  async function reply(c: Conversation): Promise<{ conversation: ConversationView }> {
    return answer((await d.conversations.get(c.id)) ?? c);
  }

  return {
    current,
    load,

    /**
     * The hot path. A message to the conversation the socket already knows is checked, counted
     * and stored in one round trip to Redis; the site and the visitor record are read only when
     * a conversation starts or the bot answers.
     */
    async send(ref: VisitorRef, input: SendMessage, ip: string, hint: string | null = null) {
      const guard = {
        owner: { field: 'visitorId' as const, id: ref.visitorId },
        states: openStates,
        sender: 'visitor',
        limit: d.config.RATE_VISITOR_MESSAGES_PER_MINUTE,
        windowSeconds: 60,
      };
      const draft = (conversationId: string, attachments?: Attachment[]) => ({
        conversationId,
        clientMsgId: input.clientMsgId,
        author: 'visitor' as const,
        agentId: null,
        authorName: null,
        text: input.text,
        ts: Date.now(),
        internal: false,
        bot: null,
        event: null,
        data: null,
        ...(attachments ? { attachments } : {}),
      });
      let who: { site: Site; visitor: Visitor } | null = null;
      // Files are given to the conversation before the message is stored, so a message with files goes the long way.
      let sent = hint && !input.attachments?.length ? await d.messages.send(draft(hint), guard) : null;
      if (!sent || sent.kind === 'refused') {
        who = await load(ref);
        const open = await openConversation(who.site, who.visitor, ip);
        const claimant = { siteIds: [ref.siteId], conversationId: open.id, visitorId: ref.visitorId, internal: false };
        const files = await attachFiles(d.fileRecords, input.attachments, claimant, input.clientMsgId);
        sent = await d.messages.send(draft(open.id, files), guard);
        if (files && sent.kind !== 'stored') await d.fileRecords.release(messageKey(open.id, input.clientMsgId));
      }
      if (sent.kind === 'limited')
        throw new CascadeError('rate_limited', 'you are sending messages very quickly; please wait a moment');
      if (sent.kind === 'refused')
        throw new CascadeError('invalid_state', 'the conversation has just changed; please send again');
      const { message, isNew, conversation: c, before } = sent;
      // A re-send of a stored message is pushed again: its first push may be what was lost.
      await w.fanOut(message, c, before);
      if (isNew) {
        if (c.subject === undefined) {
          const names = message.attachments?.map((a) => a.name).join(', ') ?? '';
          await d.conversations.update(c.id, { subject: subjectOf(input.text || names) });
        }
        // The bot reads words; files alone wait for a person (or for words).
        const words = input.text !== '';
        if (words && c.state === 'bot') {
          const { site, visitor } = who ?? (await load(ref));
          const bot = await d.bots.get(site.id);
          const decision = bot.decide(input.text, { locale: c.locale, thresholds: site.botThresholds });
          await botSays(c, decision);
          // Another tab's message may have moved the conversation on first; this one is stored all the same.
          if (decision.kind === 'escalate') await escalate(site, visitor, c, decision.skill).catch(ignoreIfMovedOn);
        } else if (words && botHearsInLine(c)) {
          // The visitor keeps their place in line: an answer is posted, nothing else moves.
          const site = who?.site ?? (await load(ref)).site;
          const decision = (await d.bots.get(site.id)).decide(input.text, {
            locale: c.locale,
            thresholds: site.botThresholds,
          });
          if (botAnswersInLine(decision)) await botSays(c, decision);
        }
      }
      // The bot may have moved the conversation on; otherwise it is as the send left it.
      return {
        message,
        ...(c.state === 'bot' ? await reply(c) : { conversation: toVisitorView(await visitorView(d, c)) }),
      };
    },

    async feedback(site: Site, visitor: Visitor, helpful: boolean) {
      const c = await required(site, visitor);
      if (helpful) return reply(await w.apply(c, { type: 'bot_helped' }));
      return answer(await escalate(site, visitor, c, null));
    },

    async pick(site: Site, visitor: Visitor, entryId: string) {
      const c = await required(site, visitor);
      enforce(articlePickRefusal(c));
      const bot = await d.bots.get(site.id);
      const answer = bot.answer(entryId, c.locale);
      if (!answer) throw new CascadeError('not_found', 'no such article');
      await botSays(c, {
        kind: 'answer',
        entryId,
        confidence: 1,
        language: answer.language,
        text: answer.text,
        skill: answer.skill,
      });
      return reply(c);
    },

    async escalate(site: Site, visitor: Visitor, ip: string) {
      const c = await openConversation(site, visitor, ip);
      // Asking again while waiting: a chat that lost its place in line (its process died) gets it back.
      if (isWaiting(c) && (await d.repair.conversation(site, c.id))) await w.runClaims(site.id, site);
      if (c.state !== 'bot') return reply(c);
      return answer(await escalate(site, visitor, c, null));
    },

    async leaveEmail(site: Site, visitor: Visitor, email: string, name: string | undefined) {
      const c = await required(site, visitor);
      if (c.state === 'ticketed' && (await addTicketContact(d, c, visitor, email, name))) return reply(c);
      // What a verified identity vouched for stays as it was: the visitor fills in only what it left empty.
      const locked = (field: 'email' | 'name') => visitor.verified && visitor[field] !== null;
      await d.visitors.update(site.id, visitor.id, {
        ...(locked('email') ? {} : { email }),
        ...(name && !locked('name') ? { name } : {}),
      });
      const ticketed = await w.apply(c, { type: 'leave_email' }, 'visitor');
      // Recorded only once the step is taken: a refused leave-email gives no address to mail.
      if (!locked('email')) await d.conversations.update(c.id, { visitorEmail: email });
      return reply(ticketed);
    },

    /** Stores the pre-chat answers; a handoff that waited for them goes ahead now. */
    async preChat(site: Site, visitor: Visitor, answers: Record<string, string>) {
      const answered = await submitPreChat(d, site, visitor, answers);
      const c = await current({ siteId: site.id, visitorId: visitor.id });
      if (c?.state === 'bot' && c.handoffHeld) await escalate(site, answered, c, null).catch(ignoreIfMovedOn);
    },

    async nps(site: Site, visitor: Visitor, input: RateNps) {
      return reply(await answerNps(d, site, visitor, await required(site, visitor), input));
    },

    async keepWaiting(site: Site, visitor: Visitor) {
      return reply(await w.apply(await required(site, visitor), { type: 'keep_waiting' }, 'visitor'));
    },

    async rate(site: Site, visitor: Visitor, score: number, comment: string | undefined) {
      const c = await required(site, visitor);
      enforce(ratingRefusal(c));
      if (!asksCsat(site)) throw new CascadeError('invalid_state', 'this site asks a different question');
      const csat = { score, comment: comment || null, ts: Date.now() };
      await d.conversations.update(c.id, { csat });
      await addEvent(d.redis, d.keys, site.id, c.id, {
        event: 'csat',
        score: String(score),
        agentId: c.agentId ?? '',
        skill: c.skill,
        level: String(c.level),
        ts: String(csat.ts),
      });
      await d.events.emit({ type: 'csat.submitted', conversation: { ...c, csat } });
      return reply({ ...c, csat });
    },
  };

  /** The skill of the bot's last guess in this chat, so an escalation lands in the right line. */
  async function lastSkill(c: Conversation): Promise<string> {
    for (const m of await d.messages.recent(c.id, 20)) {
      if (m.bot && 'skill' in m.bot) return m.bot.skill;
    }
    return 'general';
  }
}
export type VisitorActions = ReturnType<typeof visitorActions>;
