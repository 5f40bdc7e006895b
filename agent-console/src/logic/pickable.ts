import type { Agent, Conversation, Me } from '@cascade/shared';

/**
 * An agent may pick a waiting chat when they hold its skill at its level or above in its
 * site; once the chat is widened (it waited too long), any skill at that level will do.
 */
export function canPick(agent: Agent, conversation: Conversation): boolean {
  if (conversation.state !== 'queued' && conversation.state !== 'offered_ticket') return false;
  const membership = agent.memberships.find((m) => m.siteId === conversation.siteId);
  if (!membership) return false;
  return membership.skills.some(
    (s) => (conversation.widened || s.skill === conversation.skill) && s.level >= conversation.level,
  );
}

/** Picking by hand is offered only on sites that let agents pick from the line. */
export function pickAllowed(me: Me, conversation: Conversation): boolean {
  const site = me.sites.find((s) => s.id === conversation.siteId);
  return site?.assignment === 'pick' && canPick(me.agent, conversation);
}

/** Skills an agent can transfer to within a site: their own, the chat's, and any seen waiting. */
export function transferSkills(agent: Agent, conversation: Conversation, seen: readonly string[]): string[] {
  const membership = agent.memberships.find((m) => m.siteId === conversation.siteId);
  const skills = new Set<string>([conversation.skill, ...seen, ...(membership?.skills.map((s) => s.skill) ?? [])]);
  return [...skills].sort();
}
