/**
 * Every Redis key Cascade uses, in one place. Keys that a Lua script or a MULTI touches
 * together share a hash tag (`{s:ID}` per site, `{c:ID}` per conversation) so that they
 * live in one slot on Redis Cluster.
 */
export function keys(prefix: string) {
  const site = (s: string) => `${prefix}:{s:${s}}`;
  const conv = (c: string) => `${prefix}:{c:${c}}`;
  return {
    prefix,
    sites: `${prefix}:sites`,
    siteByKey: (publicKey: string) => `${prefix}:sitekey:${publicKey}`,
    site: (s: string) => `${site(s)}:site`,
    siteSecrets: (s: string) => `${site(s)}:secrets`,
    kb: (s: string) => `${site(s)}:kb`,
    canned: (s: string) => `${site(s)}:canned`,
    /** Proactive invitations counted per rule and step (`rule:shown` -> count). */
    proactiveCounts: (s: string) => `${site(s)}:proactive`,
    visitor: (s: string, v: string) => `${site(s)}:visitor:${v}`,
    visitorPages: (s: string, v: string) => `${site(s)}:visitor:${v}:pages`,
    visitorConversations: (s: string, v: string) => `${site(s)}:visitor:${v}:convs`,
    /** The visitor's live sockets, each with the moment its heartbeat runs out (see io/presence.ts). */
    visitorPresence: (s: string, v: string) => `${site(s)}:visitor:${v}:presence`,
    /** Every token handed to the visitor, so that all of them can be revoked. */
    visitorTokens: (s: string, v: string) => `${site(s)}:visitor:${v}:tokens`,
    token: (token: string) => `${prefix}:token:${token}`,
    /** The secret attachment links are signed with, unless FILES_SIGNING_SECRET sets one. */
    filesSecret: `${prefix}:files:secret`,
    agent: (a: string) => `${prefix}:agent:${a}`,
    agentByEmail: (email: string) => `${prefix}:agentemail:${email.toLowerCase()}`,
    agents: `${prefix}:agents`,
    /** An invitation to join a site, named by the SHA-256 of its code (the code itself is never stored). */
    invitation: (codeHash: string) => `${prefix}:invitation:${codeHash}`,
    session: (sid: string) => `${prefix}:session:${sid}`,
    agentSessions: (a: string) => `${prefix}:agent:${a}:sessions`,
    agentStatus: (a: string) => `${prefix}:agent:${a}:status`,
    /** When the agent last did something at a console (ms), for the server's auto-away. */
    agentActiveAt: (a: string) => `${prefix}:agent:${a}:active`,
    /** Unread messages in the agent's chats (conversationId -> count), cleared as the agent reads. */
    agentUnread: (a: string) => `${prefix}:agent:${a}:unread`,
    /** The agent's live sockets, each with the moment its heartbeat runs out (see io/presence.ts). */
    agentPresence: (a: string) => `${prefix}:agent:${a}:presence`,
    /** The live sockets of the site's supervisors and admins (see io/presence.ts): the board is built only for them. */
    supervisorPresence: (s: string) => `${site(s)}:supervisors:presence`,
    /** Exists while the server process renews it: its sockets count as present (see io/presence.ts). */
    processAlive: (id: string) => `${prefix}:proc:${id}`,
    /** Ended conversations waiting for their copy to PostgreSQL (conversationId -> when asked), one slot with their failures. */
    archiveDue: `${prefix}:{archive}:due`,
    archiveFailures: `${prefix}:{archive}:failures`,
    /** Routing state of one site; all in the site's slot for the claim script. */
    queue: (s: string, skill: string, level: number) => `${site(s)}:q:${skill}:${level}`,
    /** What every queue key of the site starts with; the claim script adds "skill:level". */
    queuePrefix: (s: string) => `${site(s)}:q:`,
    queueIndex: (s: string) => `${site(s)}:queues`,
    siteMembers: (s: string) => `${site(s)}:members`,
    agentSkills: (s: string, a: string) => `${site(s)}:skills:${a}`,
    /** Where earlier versions kept the languages an agent answers in (a set); read only for agents not yet in `speaks`. */
    agentLanguages: (s: string, a: string) => `${site(s)}:langs:${a}`,
    /** The languages each agent answers in on the site (agentId -> locales separated by spaces), read by the claim in one call. */
    speaks: (s: string) => `${site(s)}:speaks`,
    /** The language of each waiting chat (conversationId -> locale), so the claim can prefer an agent who speaks it. */
    waitingLanguage: (s: string) => `${site(s)}:qlang`,
    caps: (s: string) => `${site(s)}:caps`,
    load: (s: string) => `${site(s)}:load`,
    online: (s: string) => `${site(s)}:online`,
    assignment: (s: string) => `${site(s)}:assign`,
    /** Claims not yet written to their conversation (conversationId -> when claimed); see waterfall/repair.ts. */
    claims: (s: string) => `${site(s)}:claims`,
    /** State changes under way ("conversationId token" -> when begun); see waterfall/repair.ts. */
    intents: (s: string) => `${site(s)}:intents`,
    /** Marks one transition (conversation, version) as counted in the event stream. */
    eventOnce: (s: string, c: string, version: number) => `${site(s)}:evonce:${c}:${version}`,
    /** Set while a console has the site's all-chats list open (see store/list-interest.ts). */
    allChatsWanted: (s: string) => `${site(s)}:allchats-wanted`,
    agentChats: (s: string, a: string) => `${site(s)}:chats:${a}`,
    /** Each agent's status now and since when (agentId -> "status:since"); see store/status-time.ts. */
    statusNow: (s: string) => `${site(s)}:statusnow`,
    /** Finished status spans ("agentId:status:from:to", scored by to), for time per status. */
    statusSpans: (s: string) => `${site(s)}:statusspans`,
    handleTimes: (s: string, skill: string) => `${site(s)}:handle:${skill}`,
    tickets: (s: string) => `${site(s)}:tickets`,
    ticket: (s: string, t: string) => `${site(s)}:ticket:${t}`,
    ticketSeq: (s: string) => `${site(s)}:ticketseq`,
    ticketByConversation: (s: string) => `${site(s)}:convticket`,
    /** What a reply address's token stands for (JSON): a ticket, or a conversation whose transcript was sent. */
    replyToken: (token: string) => `${prefix}:replyto:${token}`,
    /** The reply token of one ticket or conversation (`t:<id>`, `c:<id>`). */
    replyTokenOf: (s: string, subject: string) => `${site(s)}:replyto:${subject}`,
    /** Message-IDs of a ticket's email thread, oldest first, for In-Reply-To and References. */
    mailThread: (s: string, t: string) => `${site(s)}:ticket:${t}:thread`,
    /** An inbound email held for an agent, and the ids of a ticket's held emails. */
    heldEmail: (s: string, id: string) => `${site(s)}:held:${id}`,
    heldEmails: (s: string, t: string) => `${site(s)}:ticket:${t}:held`,
    /** The first decision on a held email wins; a second click finds it taken. */
    heldDecision: (s: string, id: string) => `${site(s)}:held:${id}:decision`,
    /** An inbound Message-ID already taken in, so a provider's retry is not a second reply. */
    inboundSeen: (s: string, digest: string) => `${site(s)}:inbound:${digest}`,
    events: (s: string) => `${site(s)}:events`,
    /** The ids of one conversation's entries in the site's event stream, oldest first (store/event-stream.ts). */
    eventIndex: (s: string, c: string) => `${site(s)}:evindex:${c}`,
    /** Deliveries to webhooks and mailboxes: a hash each, indexed by creation time. */
    delivery: (s: string, id: string) => `${site(s)}:delivery:${id}`,
    deliveries: (s: string) => `${site(s)}:deliveries`,
    transcriptRequests: (s: string, v: string) => `${site(s)}:visitor:${v}:transcripts`,
    conversation: (c: string) => `${conv(c)}:conv`,
    messages: (c: string) => `${conv(c)}:msgs`,
    /** Consoles with the chat open (socketId -> agent), for the collision warning. */
    viewers: (c: string) => `${conv(c)}:viewers`,
    /** The SLA clocks of the chat already reported as breached (kind:dueAt), each sent once. */
    slaBreaches: (c: string) => `${conv(c)}:sla`,
    dedupe: (c: string) => `${conv(c)}:dedupe`,
    /** Tags a live conversation gathered from the entries the bot answered it from, until it is archived. */
    conversationTags: (c: string) => `${conv(c)}:tags`,
    /** Transitions written but not yet fully carried out (version -> record JSON). */
    pending: (c: string) => `${conv(c)}:pending`,
    /** Messages one sender (`visitor`, `agent:<id>`) wrote in this conversation in the current window. */
    messageRate: (c: string, sender: string) => `${conv(c)}:rate:${sender}`,
    kbChannel: `${prefix}:kb-changed`,
    /** Carries the id of a site whose settings were written or removed (store/sites.ts). */
    siteChannel: `${prefix}:site-changed`,
    /** Carries "processId siteId" when a process changed a site's waiting lines (waterfall/announce.ts). */
    linesChannel: `${prefix}:lines-moved`,
    /** The SHA-256 of the first-run setup token; exists only until the owner's account is made. */
    setupToken: `${prefix}:setup`,
    /** A password-reset link, named by the SHA-256 of its token. */
    passwordReset: (tokenHash: string) => `${prefix}:pwreset:${tokenHash}`,
    /** The site's open invitations (SHA-256 of the code -> what admins see of it). */
    siteInvitations: (s: string) => `${site(s)}:invitations`,
    /** The widget's last allowed connection and the origins it was refused from (see security/origin-log.ts). */
    originLog: (s: string) => `${site(s)}:origins`,
  };
}
export type Keys = ReturnType<typeof keys>;
