import { npsSummary, type MetricsSummary } from '@cascade/shared';

/** One entry of a site's event stream: the transition's name and its facts, all strings. */
export type EventRecord = Record<string, string> & { event: string; ts: string };

const percentile = (xs: number[], p: number): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? null;
};
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The supervisor's numbers for a period, computed from the site's event stream alone, so
 * that they equal exactly what happened: every conversation start, bot decision, waterfall
 * transition, first reply and rating is one event.
 */
export function summarise(unordered: EventRecord[], range: { from: number; to: number }): MetricsSummary {
  // The stream is in write order; a transition's bookkeeping may be written after the claim it caused.
  const events = [...unordered].sort((a, b) => Number(a.ts) - Number(b.ts));
  const count = (name: string) => events.filter((e) => e.event === name).length;
  const firstAt = new Map<string, Map<string, number>>();
  const segments = { handle: [] as number[] };
  const claimedAt = new Map<string, number>();
  const byAgent = new Map<string, { resolved: number; ticketed: number; ratings: number; good: number }>();
  const agentRow = (id: string) => {
    let row = byAgent.get(id);
    if (!row) byAgent.set(id, (row = { resolved: 0, ticketed: 0, ratings: 0, good: 0 }));
    return row;
  };
  const escalationsPerLevel: Record<'1' | '2' | '3', number> = { '1': 0, '2': 0, '3': 0 };

  for (const e of events) {
    const ts = Number(e.ts);
    const conv = e.conversationId ?? '';
    let firsts = firstAt.get(conv);
    if (!firsts) firstAt.set(conv, (firsts = new Map<string, number>()));
    if (!firsts.has(e.event)) firsts.set(e.event, ts);

    if (e.event === 'escalated') escalationsPerLevel['1']++;
    if (e.event === 'transferred') {
      const level = e.level;
      if (level === '1' || level === '2' || level === '3') escalationsPerLevel[level]++;
    }
    // A take-over leaves one agent and joins the next in one event: the first's time ends before the next's begins.
    const leavesAgent = e.from === 'assigned';
    if (leavesAgent && claimedAt.has(conv)) {
      segments.handle.push(ts - (claimedAt.get(conv) ?? ts));
      claimedAt.delete(conv);
    }
    if (e.event === 'claimed') claimedAt.set(conv, ts);
    if (e.agentId && e.event === 'resolved') agentRow(e.agentId).resolved++;
    if (e.agentId && e.event === 'ticketed' && e.from === 'assigned') agentRow(e.agentId).ticketed++;
    if (e.event === 'csat' && e.agentId) {
      const row = agentRow(e.agentId);
      row.ratings++;
      if (Number(e.score) >= 4) row.good++;
    }
  }

  const waits: number[] = [];
  const firstResponses: number[] = [];
  for (const firsts of firstAt.values()) {
    const escalated = firsts.get('escalated');
    const claimed = firsts.get('claimed');
    const replied = firsts.get('first_response');
    if (escalated !== undefined && claimed !== undefined && claimed >= escalated) waits.push(claimed - escalated);
    if (claimed !== undefined && replied !== undefined && replied >= claimed) firstResponses.push(replied - claimed);
  }

  const breaches = events.filter((e) => e.event === 'sla_breached');
  const breachesOf = (kind: string) => breaches.filter((e) => e.kind === kind).length;

  const csatEvents = events.filter((e) => e.event === 'csat');
  const ratings = csatEvents.map((e) => Number(e.score));
  const tally = (key: 'skill' | 'level') => {
    const out: Record<string, { ratings: number; satisfied: number }> = {};
    for (const e of csatEvents) {
      const row = (out[e[key] ?? 'unknown'] ??= { ratings: 0, satisfied: 0 });
      row.ratings++;
      if (Number(e.score) >= 4) row.satisfied++;
    }
    return out;
  };
  const botResolved = count('bot_resolved');
  const resolvedByAgent = count('resolved');
  const tickets = count('ticketed');
  const abandoned = count('abandoned');
  const closed = botResolved + resolvedByAgent + tickets + abandoned;
  const decisions = events.filter((e) => e.event === 'bot_decision');
  const conversations = count('started');

  return {
    from: range.from,
    to: range.to,
    conversations,
    botAnswers: decisions.filter((e) => e.kind === 'answer').length,
    botSuggestions: decisions.filter((e) => e.kind === 'suggest').length,
    botEscalations: decisions.filter((e) => e.kind === 'escalate').length,
    resolvedByBot: botResolved,
    resolvedByAgent,
    deflectionRate: conversations > 0 ? botResolved / conversations : null,
    firstContactResolution: closed > 0 ? (botResolved + resolvedByAgent) / closed : null,
    escalationsPerLevel,
    transfers: count('transferred'),
    tickets,
    abandoned,
    offeredTickets: count('offered_ticket'),
    waitSeconds: { p50: nullable(percentile(waits, 50)), p90: nullable(percentile(waits, 90)), count: waits.length },
    firstResponseSeconds: {
      p50: nullable(percentile(firstResponses, 50)),
      p90: nullable(percentile(firstResponses, 90)),
      count: firstResponses.length,
    },
    handleSeconds: {
      p50: nullable(percentile(segments.handle, 50)),
      p90: nullable(percentile(segments.handle, 90)),
      count: segments.handle.length,
    },
    csat: {
      ratings: ratings.length,
      satisfied: ratings.filter((r) => r >= 4).length,
      score: ratings.length > 0 ? ratings.filter((r) => r >= 4).length / ratings.length : null,
    },
    csatBySkill: tally('skill'),
    csatByLevel: tally('level'),
    nps: npsSummary(events.filter((e) => e.event === 'nps').map((e) => Number(e.score))),
    slaBreaches: {
      first_response: breachesOf('first_response'),
      next_reply: breachesOf('next_reply'),
      resolution: breachesOf('resolution'),
    },
    waitAccuracy: waitAccuracy(events, firstAt),
    funnel: {
      bot: conversations,
      level1: escalationsPerLevel['1'],
      level2: escalationsPerLevel['2'],
      level3: escalationsPerLevel['3'],
      ticket: tickets,
    },
    agents: [...byAgent.entries()].map(([agentId, r]) => ({
      agentId,
      resolved: r.resolved,
      ticketed: r.ticketed,
      ratings: r.ratings,
      csat: r.ratings > 0 ? r.good / r.ratings : null,
    })),
    series: series(events, firstAt, range),
  };

  function nullable(ms: number | null): number | null {
    return ms === null ? null : seconds(ms);
  }
}

/** Per skill, the first estimate a visitor heard beside the wait until the first claim that followed it. */
function waitAccuracy(events: EventRecord[], firstAt: Map<string, Map<string, number>>) {
  const bySkill = new Map<string, { predicted: number[]; actual: number[]; error: number[] }>();
  const estimated = new Set<string>();
  for (const e of events) {
    if (e.event !== 'wait_estimated' || estimated.has(e.conversationId ?? '')) continue;
    const conv = e.conversationId ?? '';
    estimated.add(conv);
    const claimed = firstAt.get(conv)?.get('claimed');
    if (claimed === undefined || claimed < Number(e.ts)) continue;
    const predicted = Number(e.seconds) * 1000;
    const actual = claimed - Number(e.ts);
    let row = bySkill.get(e.skill ?? '');
    if (!row) bySkill.set(e.skill ?? '', (row = { predicted: [], actual: [], error: [] }));
    row.predicted.push(predicted);
    row.actual.push(actual);
    row.error.push(Math.abs(actual - predicted));
  }
  const p50 = (xs: number[]) => {
    const p = percentile(xs, 50);
    return p === null ? null : seconds(p);
  };
  return [...bySkill.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([skill, r]) => ({
      skill,
      chats: r.actual.length,
      predictedP50Seconds: p50(r.predicted),
      actualP50Seconds: p50(r.actual),
      errorP50Seconds: p50(r.error),
    }));
}

/** Volume and median wait per bucket (hours for two days or less, else days), for the charts. */
function series(events: EventRecord[], firstAt: Map<string, Map<string, number>>, range: { from: number; to: number }) {
  const bucket = range.to - range.from <= 2 * 24 * 3600 * 1000 ? 3600 * 1000 : 24 * 3600 * 1000;
  const start = Math.floor(range.from / bucket) * bucket;
  const n = Math.min(400, Math.max(1, Math.ceil((range.to - start) / bucket)));
  const rows = Array.from({ length: n }, (_, i) => ({
    t: start + i * bucket,
    conversations: 0,
    waits: [] as number[],
  }));
  const at = (ts: number) => rows[Math.min(n - 1, Math.max(0, Math.floor((ts - start) / bucket)))];
  for (const e of events) if (e.event === 'started') at(Number(e.ts))!.conversations++;
  for (const firsts of firstAt.values()) {
    const escalated = firsts.get('escalated');
    const claimed = firsts.get('claimed');
    if (escalated !== undefined && claimed !== undefined) at(escalated)!.waits.push(claimed - escalated);
  }
  return rows.map((r) => {
    const p = percentile(r.waits, 50);
    return { t: r.t, conversations: r.conversations, waitP50Seconds: p === null ? null : seconds(p) };
  });
}
