import {
  newConversation,
  type Agent,
  type ChatDetail,
  type ChatSummary,
  type Conversation,
  type KbEntry,
  type Message,
  type MetricsSummary,
  type Site,
  type Visitor,
} from '@cascade/shared';

const T0 = 1_700_000_000_000;

export function message(overrides: Partial<Message> & { id: string }): Message {
  return {
    conversationId: 'c1',
    clientMsgId: null,
    author: 'visitor',
    agentId: null,
    authorName: null,
    text: 'hello',
    ts: T0,
    internal: false,
    bot: null,
    event: null,
    data: null,
    ...overrides,
  };
}

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    ...newConversation({ id: 'c1', siteId: 's1', visitorId: 'v1', locale: 'en', at: T0 }),
    state: 'assigned',
    agentId: 'a1',
    queuedAt: T0 + 1000,
    waitingSince: T0 + 1000,
    assignedAt: T0 + 61_000,
    ...overrides,
  };
}

export function visitor(overrides: Partial<Visitor> = {}): Visitor {
  return {
    id: 'v1',
    siteId: 's1',
    name: null,
    email: null,
    externalId: null,
    verified: false,
    locale: 'en',
    userAgent: null,
    createdAt: T0,
    ...overrides,
  };
}

export function summary(
  id: string,
  overrides: Partial<Conversation> = {},
  lastMessage: Message | null = null,
): ChatSummary {
  return { conversation: conversation({ id, ...overrides }), visitor: visitor({ id: `v-${id}` }), lastMessage };
}

export function detail(id: string, messages: Message[], overrides: Partial<Conversation> = {}): ChatDetail {
  return { ...summary(id, overrides, messages.at(-1) ?? null), messages, pages: [], previous: [], tickets: [] };
}

export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'a1',
    email: 'agent@example.com',
    name: 'Sara',
    locale: 'en',
    avatarUrl: null,
    active: true,
    memberships: [{ siteId: 's1', role: 'agent', skills: [{ skill: 'general', level: 1 }], maxChats: null }],
    createdAt: T0,
    ...overrides,
  };
}

export function metricsSummary(overrides: Partial<MetricsSummary> = {}): MetricsSummary {
  return {
    from: T0,
    to: T0 + 3_600_000,
    conversations: 8,
    botAnswers: 6,
    botSuggestions: 1,
    botEscalations: 1,
    resolvedByBot: 3,
    resolvedByAgent: 3,
    deflectionRate: 3 / 8,
    firstContactResolution: 6 / 7,
    escalationsPerLevel: { '1': 5, '2': 1, '3': 0 },
    transfers: 1,
    tickets: 1,
    abandoned: 0,
    offeredTickets: 2,
    waitSeconds: { p50: 12.4, p90: 95, count: 5 },
    firstResponseSeconds: { p50: 3.2, p90: 8, count: 4 },
    handleSeconds: { p50: 240, p90: 600, count: 4 },
    csat: { ratings: 3, satisfied: 2, score: 2 / 3 },
    csatBySkill: { general: { ratings: 3, satisfied: 2 } },
    csatByLevel: { '1': { ratings: 3, satisfied: 2 } },
    nps: { answers: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
    slaBreaches: { first_response: 0, next_reply: 0, resolution: 0 },
    waitAccuracy: [],
    funnel: { bot: 8, level1: 5, level2: 1, level3: 0, ticket: 1 },
    agents: [],
    series: [],
    ...overrides,
  };
}

export function site(overrides: Partial<Site> = {}): Site {
  return {
    id: 's1',
    publicKey: 'pk_abcdefgh12345678',
    createdAt: T0,
    name: 'Cedar & Co.',
    allowedOrigins: ['https://shop.example'],
    skills: ['general', 'billing'],
    defaultLocale: 'en',
    locales: ['en', 'ar'],
    theme: {
      color: '#3d5a40',
      position: 'right',
      launcherLabel: { en: 'Chat' },
      greeting: { en: 'Hi!', ar: 'مرحبًا' },
    },
    maxWaitSeconds: 180,
    widenAfterSeconds: null,
    assignment: 'auto',
    defaultMaxChats: 3,
    autoAwaySeconds: 600,
    businessHours: null,
    botThresholds: { answer: 0.7, suggest: 0.4 },
    requireIdentity: false,
    priorityRules: [{ when: 'page', pattern: '/checkout', priority: 5 }],
    sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false },
    ...overrides,
  };
}

export function kbEntry(overrides: Partial<KbEntry> = {}): KbEntry {
  return {
    id: 'delivery-times',
    skill: 'shipping',
    content: {
      en: {
        question: 'How long does delivery take?',
        phrasings: ['when will it arrive', 'delivery time'],
        answer: '3 to 5 days.',
      },
      ar: { question: 'كم تستغرق مدة التوصيل؟', phrasings: [], answer: 'من 3 إلى 5 أيام.' },
    },
    related: ['order-tracking'],
    updatedAt: T0,
    ...overrides,
  };
}
