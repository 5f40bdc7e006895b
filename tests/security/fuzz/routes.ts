import {
  AgentCreate,
  AgentParams,
  AgentUpdate,
  CannedParams,
  CannedQuery,
  CannedReplyInput,
  DeliveryListQuery,
  DeliveryParams,
  InvitationAccept,
  KbEntry,
  KbEntryInput,
  KbEntryParams,
  KbExportQuery,
  KbImport,
  KbListQuery,
  KbTry,
  LoginBody,
  MetricsQuery,
  PasswordChange,
  ProfileUpdate,
  SiteQuery,
  SiteSettingsPatch,
  TicketListQuery,
  TicketParams,
  TicketReply,
  TicketUpdate,
  VisitorAuth,
  VisitorParams,
} from '@cascade/shared';
import type { Facts } from './events.ts';
import { accepts, isRecord, type Accepts } from './payloads.ts';

export type Part<T> = { valid: T; ok: Accepts };
export type Query = Record<string, string | string[]>;
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params?: Part<Record<string, string>>;
  query?: Part<Query>;
  /** Absent when the route reads no body: then only the body parser sees what is sent. */
  body?: Part<unknown>;
  /** Answers without a session. */
  public?: true;
};

const ImportedEntries = KbEntry.omit({ updatedAt: true }).array();
/** A JSON import also needs entries that parse; CSV text counts as accepted, since it may be good CSV. */
const importAccepted: Accepts = (value) => {
  if (!accepts(KbImport)(value) || !isRecord(value)) return false;
  if (value.format === 'csv') return typeof value.data === 'string';
  try {
    return ImportedEntries.safeParse(typeof value.data === 'string' ? JSON.parse(value.data) : value.data).success;
  } catch {
    return false;
  }
};
const rotateAccepted: Accepts = (value) =>
  accepts(SiteQuery)(value) && isRecord(value) && (value.secret === 'identity' || value.secret === 'webhook');

/** Every REST route, with the inputs it would accept. */
export function routes(f: Facts): Route[] {
  const site = { valid: { siteId: f.siteId }, ok: accepts(SiteQuery) };
  const canned = { valid: { siteId: f.siteId }, ok: accepts(CannedQuery) };
  const entry = {
    skill: 'shipping',
    content: { en: { question: 'When?', phrasings: ['eta'], answer: 'Soon.' } },
    related: [],
  };
  const ticket = { valid: { ticketId: 'nosuchticket' }, ok: accepts(TicketParams) };
  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      body: { valid: { email: 'admin@cedar.example', password: 'guess' }, ok: accepts(LoginBody) },
      public: true,
    },
    { method: 'GET', path: '/api/auth/me' },
    { method: 'GET', path: '/api/attachments/usage', query: site },
    { method: 'POST', path: '/api/auth/logout' },
    {
      method: 'POST',
      path: '/api/auth/password',
      body: { valid: { current: 'guess', next: 'a much longer one' }, ok: accepts(PasswordChange) },
    },
    { method: 'POST', path: '/api/auth/logout-everywhere' },
    {
      method: 'GET',
      path: '/api/tickets',
      query: {
        valid: {
          siteId: f.siteId,
          status: 'open',
          skill: 'billing',
          assigneeId: f.agentId,
          q: 'late',
          level: '2',
          limit: '10',
          offset: '0',
        },
        ok: accepts(TicketListQuery),
      },
    },
    { method: 'GET', path: '/api/tickets/:ticketId', params: ticket },
    {
      method: 'PATCH',
      path: '/api/tickets/:ticketId',
      params: ticket,
      body: { valid: { status: 'solved', assigneeId: f.agentId }, ok: accepts(TicketUpdate) },
    },
    {
      method: 'POST',
      path: '/api/tickets/:ticketId/replies',
      params: ticket,
      body: { valid: { text: 'Your parcel left today.' }, ok: accepts(TicketReply) },
    },
    { method: 'GET', path: '/api/tickets/:ticketId/deliveries', params: ticket },
    {
      method: 'GET',
      path: '/api/deliveries',
      query: { valid: { siteId: f.siteId, status: 'failed', limit: '5', offset: '0' }, ok: accepts(DeliveryListQuery) },
    },
    {
      method: 'POST',
      path: '/api/deliveries/:deliveryId/retry',
      params: { valid: { deliveryId: 'mail.nosuch' }, ok: accepts(DeliveryParams) },
    },
    {
      method: 'GET',
      path: '/api/metrics/summary',
      query: { valid: { siteId: f.siteId, from: '0', to: '1000' }, ok: accepts(MetricsQuery) },
    },
    {
      method: 'GET',
      path: '/api/metrics/status-time',
      query: { valid: { siteId: f.siteId, from: '0', to: '1000' }, ok: accepts(MetricsQuery) },
    },
    { method: 'GET', path: '/api/kb', query: { valid: { siteId: f.siteId, q: 'order' }, ok: accepts(KbListQuery) } },
    { method: 'POST', path: '/api/kb', query: site, body: { valid: entry, ok: accepts(KbEntryInput) } },
    {
      method: 'PUT',
      path: '/api/kb/:entryId',
      query: site,
      params: { valid: { entryId: f.entryId }, ok: accepts(KbEntryParams) },
      body: { valid: entry, ok: accepts(KbEntryInput) },
    },
    {
      method: 'DELETE',
      path: '/api/kb/:entryId',
      query: site,
      params: { valid: { entryId: f.entryId }, ok: accepts(KbEntryParams) },
    },
    {
      method: 'POST',
      path: '/api/kb/import',
      body: {
        valid: { siteId: f.siteId, format: 'json', data: [{ ...entry, id: 'imported' }], replace: false },
        ok: importAccepted,
      },
    },
    {
      method: 'GET',
      path: '/api/kb/export',
      query: { valid: { siteId: f.siteId, format: 'csv' }, ok: accepts(KbExportQuery) },
    },
    {
      method: 'POST',
      path: '/api/kb/try',
      body: { valid: { siteId: f.siteId, text: 'where is my order', locale: 'en' }, ok: accepts(KbTry) },
    },
    { method: 'GET', path: '/api/canned', query: canned },
    {
      method: 'POST',
      path: '/api/canned',
      query: canned,
      body: { valid: { shortcut: 'thanks', language: 'en', text: 'Thank you!' }, ok: accepts(CannedReplyInput) },
    },
    {
      method: 'PUT',
      path: '/api/canned/:cannedId',
      query: canned,
      params: { valid: { cannedId: 'en_thanks' }, ok: accepts(CannedParams) },
      body: { valid: { shortcut: 'thanks', language: 'en', text: 'Thank you!' }, ok: accepts(CannedReplyInput) },
    },
    {
      method: 'DELETE',
      path: '/api/canned/:cannedId',
      query: canned,
      params: { valid: { cannedId: 'en_thanks' }, ok: accepts(CannedParams) },
    },
    { method: 'GET', path: '/api/sites/settings', query: site },
    {
      method: 'PATCH',
      path: '/api/sites/settings',
      query: site,
      body: {
        valid: {
          maxWaitSeconds: 200,
          allowedOrigins: ['https://shop.example'],
          theme: { color: '#112233', position: 'left', launcherLabel: { en: 'Help' }, greeting: { en: 'Hi' } },
          businessHours: { timeZone: 'Europe/Paris', weekly: [{ day: 1, open: '09:00', close: '17:00' }] },
          priorityRules: [{ when: 'page', pattern: '/checkout', priority: 5 }],
          sinks: { webhookUrl: 'https://hooks.example/cascade', supportEmail: 'help@example.com', emailVisitors: true },
        },
        ok: accepts(SiteSettingsPatch),
      },
    },
    {
      method: 'POST',
      path: '/api/sites/secrets/rotate',
      body: { valid: { siteId: f.siteId, secret: 'webhook' }, ok: rotateAccepted },
    },
    { method: 'GET', path: '/api/agents', query: site },
    {
      method: 'POST',
      path: '/api/agents',
      body: {
        valid: {
          siteId: f.siteId,
          email: 'new@cedar.example',
          name: 'New',
          role: 'agent',
          locale: 'ar',
          skills: [{ skill: 'billing', level: 1 }],
          maxChats: 3,
        },
        ok: accepts(AgentCreate),
      },
    },
    {
      method: 'PATCH',
      path: '/api/agents/:agentId',
      params: { valid: { agentId: f.agentId }, ok: accepts(AgentParams) },
      body: {
        valid: {
          siteId: f.siteId,
          name: 'Lina',
          role: 'supervisor',
          skills: [{ skill: 'general', level: 2 }],
          maxChats: 2,
          active: false,
        },
        ok: accepts(AgentUpdate),
      },
    },
    {
      method: 'GET',
      path: '/api/agents/:agentId',
      params: { valid: { agentId: f.agentId }, ok: accepts(AgentParams) },
      query: site,
    },
    {
      method: 'DELETE',
      path: '/api/agents/:agentId',
      params: { valid: { agentId: f.agentId }, ok: accepts(AgentParams) },
      query: site,
    },
    {
      method: 'POST',
      path: '/api/agents/:agentId/password-reset',
      params: { valid: { agentId: f.agentId }, ok: accepts(AgentParams) },
      body: site,
    },
    {
      method: 'POST',
      path: '/api/invitations/accept',
      body: { valid: { code: 'c'.repeat(43) }, ok: accepts(InvitationAccept) },
    },
    {
      method: 'PATCH',
      path: '/api/auth/me',
      body: { valid: { name: 'Lina', locale: 'fa' }, ok: accepts(ProfileUpdate) },
    },
    { method: 'GET', path: '/api/board', query: site },
    {
      method: 'POST',
      path: '/api/visitors/:visitorId/revoke',
      params: { valid: { visitorId: f.visitorId }, ok: accepts(VisitorParams) },
      body: { valid: { siteId: f.siteId }, ok: accepts(SiteQuery) },
    },
    // The route's own schema has the handshake's limits for a site key.
    {
      method: 'GET',
      path: '/api/widget/config',
      query: { valid: { siteKey: 'pk_demo' }, ok: accepts(VisitorAuth.pick({ siteKey: true })) },
      public: true,
    },
  ];
}

/** Routes asked with a method they do not have, and a route that does not exist. */
export const wrongMethods: [string, string][] = [
  ['PUT', '/api/tickets'],
  ['DELETE', '/api/agents'],
  ['PATCH', '/api/auth/login'],
  ['POST', '/api/board'],
  ['PUT', '/api/sites/secrets/rotate'],
  ['POST', '/api/nothing-here'],
];
