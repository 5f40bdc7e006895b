import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message, TicketSummary } from '@cascade/shared';
import { SignJWT } from 'jose';
import type { TestClient } from '../support/clients.ts';
import type { Harness } from '../support/harness.ts';

export type Visitor = TestClient & { token: string };
export type AgentClient = TestClient & { cookie: string; csrf: string };

export const send = (text: string) => ({ clientMsgId: randomUUID(), text });

/** A visitor the site vouches for (identity token), so the console shows their name. */
export async function namedVisitor(
  h: Harness,
  name: string,
  page = { url: 'https://shop.example/checkout', title: 'Checkout' },
): Promise<Visitor> {
  const secrets = await h.cascade.sites.secrets(h.demo.siteId);
  if (!secrets) throw new Error('the demo site has no secrets');
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  const identity = await new SignJWT({ name, email: `${slug}@customers.example` })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(slug)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secrets.identitySecret));
  const visitor = await h.visitor({ identity });
  await visitor.ok('page:view', page);
  return visitor;
}

/** The visitor asks the bot; resolves with the bot's reply. */
export async function askBot(visitor: Visitor, text: string): Promise<Message> {
  await visitor.ok('message:send', send(text));
  return visitor.next<Message>('message:new', (m) => m.author === 'bot');
}

/** The visitor asks for a person; resolves with the chat as the agent who got it sees it. */
export async function escalateTo(visitor: Visitor, agent: TestClient): Promise<ChatSummary> {
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  return agent.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === conversation.id);
}

export async function reply(agent: TestClient, conversationId: string, text: string): Promise<void> {
  await agent.ok('chat:send', { conversationId, ...send(text) });
}

export async function resolve(agent: TestClient, conversationId: string): Promise<void> {
  await agent.ok('chat:resolve', { conversationId });
}

export async function followUp(agent: TestClient, conversationId: string, note: string): Promise<TicketSummary> {
  const { ticket } = await agent.ok<{ ticket: TicketSummary }>('chat:followup', { conversationId, note });
  return ticket;
}

export async function rate(visitor: Visitor, score: number): Promise<void> {
  await visitor.ok('conversation:rate', { score });
}

/**
 * A named visitor asks the bot, is passed to Lina, and Lina turns the chat into a ticket to
 * follow up by email; both leave. The ticket's visitor has an email address.
 */
export async function ticketToAnswer(
  h: Harness,
  visitorName: string,
  question: string,
  note: string,
): Promise<TicketSummary> {
  const lina = await h.agent('lina@cedar.example');
  const visitor = await namedVisitor(h, visitorName);
  await askBot(visitor, question);
  const chat = await escalateTo(visitor, lina);
  const ticket = await followUp(lina, chat.conversation.id, note);
  visitor.close();
  lina.close();
  return ticket;
}
