import type { Agent, AgentCreate, AgentCreated, AgentUpdate } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export async function listAgents(siteId: string): Promise<Agent[]> {
  const { agents } = await requestJson<{ agents: Agent[] }>('GET', `/api/agents${siteQuery(siteId)}`);
  return agents;
}

/** A new account with its one-time first password, or an invitation when the email already has an account. */
export function createAgent(body: AgentCreate, csrf: string): Promise<AgentCreated> {
  return requestJson('POST', '/api/agents', { body, csrf });
}

export async function updateAgent(agentId: string, body: AgentUpdate, csrf: string): Promise<Agent> {
  const { agent } = await requestJson<{ agent: Agent }>('PATCH', `/api/agents/${encodeURIComponent(agentId)}`, {
    body,
    csrf,
  });
  return agent;
}

/** Takes the agent off this site only; their account and other sites stay. */
export async function removeAgent(agentId: string, siteId: string, csrf: string): Promise<void> {
  await requestJson('DELETE', `/api/agents/${encodeURIComponent(agentId)}${siteQuery(siteId)}`, { csrf });
}
