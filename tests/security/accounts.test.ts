import { createHash, randomUUID } from 'node:crypto';
import type { Agent, ChatSummary, Invitation, Me } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { REDIS_URL, startCascade, type Harness } from '../support/harness.ts';
import { login, restClient } from '../support/rest.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

type Rest = ReturnType<typeof restClient>;
type Created = { agent?: Agent; password?: string; invitation?: Invitation };

const admins = () => {
  const [demo, outlet] = h.demos;
  if (!demo || !outlet) throw new Error('the harness needs both demo sites');
  const adminOf = (d: typeof demo) => d.accounts.find((a) => a.role === 'admin')!;
  return { demo, outlet, demoAdmin: adminOf(demo), outletAdmin: adminOf(outlet) };
};
const rest = async (email: string, password?: string): Promise<Rest> =>
  restClient(h.url, await h.login(email, password));
const idOf = async (email: string) => (await h.cascade.agents.idByEmail(email))!;
const record = async (email: string) => (await h.cascade.agents.get(await idOf(email)))!;
const invite = async (admin: Rest, siteId: string, email: string, role = 'agent'): Promise<Invitation> => {
  const r = await admin.post<Created>('/api/agents', { siteId, email, name: 'Someone', role, skills: [] });
  expect(r.status).toBe(200);
  expect(r.body.invitation).toBeDefined();
  return r.body.invitation!;
};

describe('accounts belong to their person, memberships to each site', () => {
  it('refuses the outlet admin everything about a demo-only account, which stays unchanged', async () => {
    const { outlet, outletAdmin } = admins();
    const attacker = await rest(outletAdmin.email);
    const victimId = await idOf('omid@cedar.example');
    const before = await h.cascade.agents.get(victimId);
    const hashBefore = await h.cascade.agents.passwordHash(victimId);

    const list = await attacker.get<{ agents: Agent[] }>(`/api/agents?siteId=${outlet.siteId}`);
    expect(list.body.agents.map((a) => a.id)).not.toContain(victimId);
    for (const siteId of [outlet.siteId, 'demo']) {
      const tries = [
        await attacker.get(`/api/agents/${victimId}?siteId=${siteId}`),
        await attacker.patch(`/api/agents/${victimId}`, { siteId, name: 'Renamed by outlet' }),
        await attacker.patch(`/api/agents/${victimId}`, { siteId, active: false }),
        await attacker.patch(`/api/agents/${victimId}`, { siteId, role: 'admin' }),
        await attacker.post(`/api/agents/${victimId}/password-reset`, { siteId }),
        await attacker.delete(`/api/agents/${victimId}?siteId=${siteId}`),
      ];
      for (const r of tries) {
        expect(r.status).toBe(404);
        expect((r.body as { error: { code: string } }).error.code).toBe('not_found');
      }
    }
    expect(await h.cascade.agents.get(victimId)).toEqual(before);
    expect(await h.cascade.agents.passwordHash(victimId)).toBe(hashBefore);
    expect((await (await rest('omid@cedar.example')).get('/api/auth/me')).status).toBe(200);
  });

  it('answers an existing email with an invitation that attaches nothing and reveals no other site or role', async () => {
    const { outlet, outletAdmin } = admins();
    const admin = await rest(outletAdmin.email);
    const victimId = await idOf('omid@cedar.example');
    const r = await admin.post<Created>('/api/agents', {
      siteId: outlet.siteId,
      email: 'Omid@cedar.example',
      name: 'Omid',
      role: 'admin',
      skills: [],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['invitation']);
    expect(Object.keys(r.body.invitation!).sort()).toEqual(['code', 'expiresAt', 'link']);
    const text = JSON.stringify(r.body);
    for (const secret of [victimId, 'demo', 'Omid Rahimi', 'supervisor', 'memberships'])
      expect(text).not.toContain(secret);
    expect(r.body.invitation!.link).toContain(r.body.invitation!.code);
    expect((await record('omid@cedar.example')).memberships.map((m) => m.siteId)).toEqual(['demo']);
    const list = await admin.get<{ agents: Agent[] }>(`/api/agents?siteId=${outlet.siteId}`);
    expect(list.body.agents.map((a) => a.id)).not.toContain(victimId);

    // Only the code's SHA-256 is stored, for 7 days.
    const code = r.body.invitation!.code;
    const key = h.cascade.keys.invitation(createHash('sha256').update(code).digest('hex'));
    const stored = await h.cascade.redis.get(key);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(code);
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const ttl = await redis.ttl(key);
    await redis.close();
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 120);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600);
  });

  it('lets only the invited person, signed in, accept an invitation, and only once', async () => {
    const { outlet, outletAdmin } = admins();
    const admin = await rest(outletAdmin.email);
    const { code } = await invite(admin, outlet.siteId, 'lina@cedar.example', 'supervisor');

    const anonymous = await fetch(`${h.url}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(anonymous.status).toBe(401);
    const someoneElse = await (await rest('sara@cedar.example')).post('/api/invitations/accept', { code });
    expect(someoneElse.status).toBe(404);
    expect((await record('sara@cedar.example')).memberships.map((m) => m.siteId)).toEqual(['demo']);
    const theAdmin = await admin.post('/api/invitations/accept', { code });
    expect(theAdmin.status).toBe(404);

    const lina = await rest('lina@cedar.example');
    const accepted = await lina.post<{ site: { id: string; role: string } }>('/api/invitations/accept', { code });
    expect(accepted.status).toBe(200);
    expect(accepted.body.site).toMatchObject({ id: outlet.siteId, role: 'supervisor' });
    const me = await lina.get<Me>('/api/auth/me');
    expect(me.body.sites.map((s) => s.id).sort()).toEqual(['demo', outlet.siteId].sort());
    expect((await lina.post('/api/invitations/accept', { code })).status).toBe(404);

    // The outlet sees its own membership of Lina, nothing of the demo one.
    const list = await admin.get<{ agents: Agent[] }>(`/api/agents?siteId=${outlet.siteId}`);
    const seen = list.body.agents.find((a) => a.email === 'lina@cedar.example');
    expect(seen?.memberships).toEqual([{ siteId: outlet.siteId, role: 'supervisor', skills: [], maxChats: null }]);
  });

  it('refuses an expired invitation and a malformed code', async () => {
    const { outlet, outletAdmin } = admins();
    const admin = await rest(outletAdmin.email);
    const { code } = await invite(admin, outlet.siteId, 'sara@cedar.example');
    const key = h.cascade.keys.invitation(createHash('sha256').update(code).digest('hex'));
    const stored = JSON.parse((await h.cascade.redis.get(key))!) as { expiresAt: number };
    // As if a week had passed (Redis also drops the key then, by its TTL).
    await h.cascade.redis.set(key, JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }));
    const sara = await rest('sara@cedar.example');
    expect((await sara.post('/api/invitations/accept', { code })).status).toBe(404);
    const bad = await sara.post<{ error: { code: string } }>('/api/invitations/accept', { code: 'x'.repeat(10) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
    expect((await record('sara@cedar.example')).memberships.map((m) => m.siteId)).toEqual(['demo']);
  });

  it('closes the pre-created account path: the first password is one-time and a later site only invites', async () => {
    const { demo, outlet, demoAdmin, outletAdmin } = admins();
    const outletRest = await rest(outletAdmin.email);
    const email = `newhire-${randomUUID().slice(0, 6)}@cedar.example`;
    const created = await outletRest.post<Created>('/api/agents', {
      siteId: outlet.siteId,
      email,
      name: 'New Hire',
      role: 'agent',
      skills: [],
    });
    expect(created.status).toBe(200);
    const known = created.body.password!;
    const squatter = await rest(email, known);
    expect((await squatter.get<Me>('/api/auth/me')).body.passwordChangeRequired).toBe(true);

    // Demo adds the same email as its admin: an invitation, never the account itself.
    const demoRest = await rest(demoAdmin.email);
    const added = await demoRest.post<Created>('/api/agents', {
      siteId: demo.siteId,
      email,
      name: 'New Hire',
      role: 'admin',
      skills: [],
    });
    expect(Object.keys(added.body)).toEqual(['invitation']);
    expect((await squatter.get<Me>('/api/auth/me')).body.sites.map((s) => s.id)).toEqual([outlet.siteId]);
    // Even holding the code, a session on a password someone else chose cannot join.
    const code = added.body.invitation!.code;
    const refused = await squatter.post<{ error: { code: string } }>('/api/invitations/accept', { code });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await squatter.get(`/api/kb?siteId=${demo.siteId}`)).status).toBe(404);

    // The person chooses their own password: the squatter's session ends, the old password is dead.
    const person = await rest(email, known);
    const mine = 'a password only I know';
    expect((await person.post('/api/auth/password', { current: known, next: known })).status).toBe(400);
    expect((await person.post('/api/auth/password', { current: known, next: mine })).status).toBe(204);
    expect((await squatter.get('/api/auth/me')).status).toBe(401);
    expect((await person.get<Me>('/api/auth/me')).body.passwordChangeRequired).toBe(false);
    expect((await person.post('/api/invitations/accept', { code })).status).toBe(200);
    expect((await person.get<Me>('/api/auth/me')).body.sites.map((s) => s.id).sort()).toEqual(
      [demo.siteId, outlet.siteId].sort(),
    );
    const old = await fetch(`${h.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: known }),
    });
    expect(old.status).toBe(401);

    // The outlet admin now runs only one of the person's sites: no new password for them.
    const personId = await idOf(email);
    const reset = await outletRest.post<{ error: { code: string } }>(`/api/agents/${personId}/password-reset`, {
      siteId: outlet.siteId,
    });
    expect(reset.status).toBe(403);
    expect(reset.body.error.code).toBe('forbidden');
    expect((await login(h.url, email, mine)).cookie).not.toBe('');
  });

  it('gives a new email, added by two admins at once, to one of them; the other gets an invitation', async () => {
    const { demo, outlet, demoAdmin, outletAdmin } = admins();
    const email = `both-${randomUUID().slice(0, 6)}@cedar.example`;
    const body = { email, name: 'Wanted', role: 'admin', skills: [] };
    const [a, b] = await Promise.all([
      (await rest(demoAdmin.email)).post<Created>('/api/agents', { ...body, siteId: demo.siteId }),
      (await rest(outletAdmin.email)).post<Created>('/api/agents', { ...body, siteId: outlet.siteId }),
    ]);
    const answers = [a, b].map((r) => Object.keys(r.body).sort().join(','));
    expect(answers.sort()).toEqual(['agent,password', 'invitation']);
    expect((await record(email)).memberships).toHaveLength(1);
  });

  it('lets a site admin change only their membership; the person renames themselves; an admin of all sites deactivates', async () => {
    const { demo, outlet, demoAdmin, outletAdmin } = admins();
    const outletRest = await rest(outletAdmin.email);
    const demoRest = await rest(demoAdmin.email);
    // Lina is on both sites (from the invitation above); the outlet admin runs only one.
    const lina = await record('lina@cedar.example');
    expect(lina.memberships.map((m) => m.siteId).sort()).toEqual([demo.siteId, outlet.siteId].sort());
    const demoMembership = lina.memberships.find((m) => m.siteId === demo.siteId);
    for (const change of [{ name: 'Renamed' }, { active: false }, { locale: 'fa' }]) {
      const r = await outletRest.patch<{ error: { code: string } }>(`/api/agents/${lina.id}`, {
        siteId: outlet.siteId,
        ...change,
      });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    const membership = await outletRest.patch<{ agent: Agent }>(`/api/agents/${lina.id}`, {
      siteId: outlet.siteId,
      role: 'agent',
      skills: [{ skill: 'general', level: 2 }],
      maxChats: 3,
    });
    expect(membership.status).toBe(200);
    expect(membership.body.agent.memberships).toEqual([
      { siteId: outlet.siteId, role: 'agent', skills: [{ skill: 'general', level: 2 }], maxChats: 3 },
    ]);
    const after = await record('lina@cedar.example');
    expect(after.memberships.find((m) => m.siteId === demo.siteId)).toEqual(demoMembership);
    expect(after).toMatchObject({ name: lina.name, active: true, locale: lina.locale });

    const linaRest = await rest('lina@cedar.example');
    const renamed = await linaRest.patch<Me>('/api/auth/me', { name: 'Lina H.' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.agent.name).toBe('Lina H.');
    const seen = await demoRest.get<{ agent: Agent }>(`/api/agents/${lina.id}?siteId=${demo.siteId}`);
    expect(seen.body.agent.name).toBe('Lina H.');
    expect((await linaRest.patch('/api/auth/me', {})).status).toBe(400);

    // The demo admin joins the outlet as its admin too, and may then change the person.
    const { code } = await invite(outletRest, outlet.siteId, demoAdmin.email, 'admin');
    expect((await demoRest.post('/api/invitations/accept', { code })).status).toBe(200);
    const off = await demoRest.patch<{ agent: Agent }>(`/api/agents/${lina.id}`, {
      siteId: outlet.siteId,
      active: false,
    });
    expect(off.status).toBe(200);
    expect((await linaRest.get('/api/auth/me')).status).toBe(401);
    const on = await demoRest.patch(`/api/agents/${lina.id}`, { siteId: demo.siteId, active: true });
    expect(on.status).toBe(200);
    const reset = await demoRest.post<{ password: string }>(`/api/agents/${lina.id}/password-reset`, {
      siteId: demo.siteId,
    });
    expect(reset.status).toBe(200);
    const back = await rest('lina@cedar.example', reset.body.password);
    expect((await back.get<Me>('/api/auth/me')).body.passwordChangeRequired).toBe(true);
  });

  it('removes a member from one site only: their chats there go back in line, the person stays', async () => {
    const { demo, outlet, demoAdmin, outletAdmin } = admins();
    const demoRest = await rest(demoAdmin.email);
    const demoSkills = (await h.cascade.sites.get(demo.siteId))!.skills;
    const email = `mover-${randomUUID().slice(0, 6)}@cedar.example`;
    const created = await demoRest.post<Created>('/api/agents', {
      siteId: demo.siteId,
      email,
      name: 'Mover',
      role: 'agent',
      skills: demoSkills.map((skill) => ({ skill, level: 3 })),
    });
    const moverId = created.body.agent!.id;
    const person = await rest(email, created.body.password);
    const mine = 'my own long password';
    expect((await person.post('/api/auth/password', { current: created.body.password, next: mine })).status).toBe(204);
    const outletRest = await rest(outletAdmin.email);
    const { code } = await invite(outletRest, outlet.siteId, email);
    expect((await person.post('/api/invitations/accept', { code })).status).toBe(200);

    const mover = await h.agent(email, mine);
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'where is my parcel' });
    await visitor.ok('conversation:escalate', {});
    const chat = await mover.next<ChatSummary>('chat:assigned');
    expect(chat.conversation.agentId).toBe(moverId);

    const outletSees = await outletRest.get<{ agents: Agent[] }>(`/api/agents?siteId=${outlet.siteId}`);
    expect((await outletRest.delete(`/api/agents/${moverId}?siteId=${demo.siteId}`)).status).toBe(404);
    const removed = await demoRest.delete(`/api/agents/${moverId}?siteId=${demo.siteId}`);
    expect(removed.status).toBe(204);
    const conversation = await h.cascade.conversations.get(chat.conversation.id);
    expect(conversation?.agentId).toBeNull();
    expect(['queued', 'offered_ticket']).toContain(conversation?.state);

    const after = await record(email);
    expect(after.active).toBe(true);
    expect(after.memberships.map((m) => m.siteId)).toEqual([outlet.siteId]);
    expect((await outletRest.get<{ agents: Agent[] }>(`/api/agents?siteId=${outlet.siteId}`)).body.agents).toEqual(
      outletSees.body.agents,
    );
    const again = await rest(email, mine);
    expect((await again.get<Me>('/api/auth/me')).body.sites.map((s) => s.id)).toEqual([outlet.siteId]);
    expect((await again.get(`/api/kb?siteId=${demo.siteId}`)).status).toBe(404);
    expect((await demoRest.delete(`/api/agents/${await idOf(demoAdmin.email)}?siteId=${demo.siteId}`)).status).toBe(
      409,
    );
  });
});
