import type { Agent, AgentCreate, AgentUpdate } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export async function listAgents(siteId: string): Promise<Agent[]> {
  const { agents } = await requestJson<{ agents: Agent[] }>('GET', `/api/agents${siteQuery(siteId)}`);
  return agents;
}

/** `password` is the new account's first password, shown once; null when the email already had an account. */
export function createAgent(body: AgentCreate, csrf: string): Promise<{ agent: Agent; password: string | null }> {
  return requestJson('POST', '/api/agents', { body, csrf });
}

export async function updateAgent(agentId: string, body: AgentUpdate, csrf: string): Promise<Agent> {
  const { agent } = await requestJson<{ agent: Agent }>('PATCH', `/api/agents/${encodeURIComponent(agentId)}`, {
    body,
    csrf,
  });
  return agent;
}
