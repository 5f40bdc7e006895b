import {
  AgentSend,
  AgentTyping,
  BotFeedback,
  Escalate,
  FileLinkRequest,
  FollowUp,
  Hello,
  KeepWaiting,
  LeaveEmail,
  OpenChat,
  PageViewInput,
  Pick,
  PickSuggestion,
  Rate,
  Resolve,
  SendMessage,
  SetLocale,
  SetStatus,
  SyncChat,
  SyncMessages,
  TranscriptRequest,
  Transfer,
  Typing,
} from '@cascade/shared';
import { accepts, type Accepts } from './payloads.ts';

/** Ids of real things on the server, so that a broken payload is one field away from a real request. */
export type Facts = {
  siteId: string;
  visitorId: string;
  conversationId: string;
  messageId: string;
  agentId: string;
  entryId: string;
};
export type Target = { event: string; valid: unknown; ok: Accepts };

export const CLIENT_MSG_ID = '6f1c1e7e-7d6a-4f7e-9a43-3c1a2b3c4d5e';
/** A well-formed file id that names no file. */
export const NO_FILE = 'f_AAAAAAAAAAAAAAAAAAAAAA';

/** Every client-to-server event of `/visitor`, with a payload it would accept. */
export const visitorEvents = (f: Facts): Target[] => [
  {
    event: 'hello',
    valid: { after: f.messageId, page: { url: 'https://shop.example/checkout', title: 'Checkout' } },
    ok: accepts(Hello),
  },
  { event: 'message:send', valid: { clientMsgId: CLIENT_MSG_ID, text: 'hello' }, ok: accepts(SendMessage) },
  { event: 'messages:sync', valid: { after: f.messageId }, ok: accepts(SyncMessages) },
  { event: 'bot:feedback', valid: { messageId: f.messageId, helpful: false }, ok: accepts(BotFeedback) },
  { event: 'bot:pick', valid: { entryId: f.entryId }, ok: accepts(PickSuggestion) },
  { event: 'conversation:escalate', valid: {}, ok: accepts(Escalate) },
  { event: 'conversation:leave-email', valid: { email: 'maya@example.com', name: 'Maya' }, ok: accepts(LeaveEmail) },
  { event: 'conversation:keep-waiting', valid: {}, ok: accepts(KeepWaiting) },
  { event: 'conversation:rate', valid: { score: 5, comment: 'quick' }, ok: accepts(Rate) },
  { event: 'transcript:request', valid: { email: 'maya@example.com' }, ok: accepts(TranscriptRequest) },
  { event: 'typing', valid: { typing: true }, ok: accepts(Typing) },
  { event: 'page:view', valid: { url: 'https://shop.example/cart', title: 'Cart' }, ok: accepts(PageViewInput) },
  { event: 'locale:set', valid: { locale: 'fa' }, ok: accepts(SetLocale) },
  { event: 'file:link', valid: { fileId: NO_FILE }, ok: accepts(FileLinkRequest) },
];

/** `inbox:get` takes any object, so only other values are wrong for it. */
const anyObject: Accepts = (value) => typeof (value ?? {}) === 'object' && !Array.isArray(value);

/** Every client-to-server event of `/agent`, with a payload it would accept. */
export function agentEvents(f: Facts): Target[] {
  const chat = { conversationId: f.conversationId };
  return [
    { event: 'agent:status', valid: { status: 'away' }, ok: accepts(SetStatus) },
    { event: 'inbox:get', valid: {}, ok: anyObject },
    { event: 'chat:open', valid: chat, ok: accepts(OpenChat) },
    { event: 'chat:sync', valid: { ...chat, after: f.messageId }, ok: accepts(SyncChat) },
    {
      event: 'chat:send',
      valid: { ...chat, clientMsgId: CLIENT_MSG_ID, text: 'hi', internal: true },
      ok: accepts(AgentSend),
    },
    { event: 'chat:typing', valid: { ...chat, typing: true }, ok: accepts(AgentTyping) },
    { event: 'chat:resolve', valid: chat, ok: accepts(Resolve) },
    { event: 'chat:followup', valid: { ...chat, note: 'call back' }, ok: accepts(FollowUp) },
    {
      event: 'chat:transfer',
      valid: { ...chat, level: 2, skill: 'billing', note: 'refund', reason: 'again' },
      ok: accepts(Transfer),
    },
    { event: 'chat:pick', valid: chat, ok: accepts(Pick) },
    { event: 'file:link', valid: { fileId: NO_FILE }, ok: accepts(FileLinkRequest) },
  ];
}
