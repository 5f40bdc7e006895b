import type { ApiTokenCreated, Me, TotpSetup, TotpStatus } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { totpCode } from '../support/totp.ts';
import { withTimeout } from '../support/waits.ts';

const EMAIL = 'omid@cedar.example';
let h: Harness;
let password: string;
beforeAll(async () => {
  h = await startCascade();
  password = h.demo.accounts.find((a) => a.email === EMAIL)?.password ?? '';
});
afterAll(async () => {
  await h.close();
});

async function login(code?: string): Promise<{ status: number; code?: string; message?: string }> {
  const res = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password, ...(code === undefined ? {} : { code }) }),
  });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, ...(body.error ?? {}) };
}

const STEP = 30_000;

describe('two-step sign-in (TOTP)', () => {
  it('computes the RFC 6238 test vector in the test helper', () => {
    expect(totpCode(Buffer.from('12345678901234567890'), 59_000, 8)).toBe('94287082');
    expect(totpCode(Buffer.from('12345678901234567890'), 1_111_111_109_000, 8)).toBe('07081804');
  });

  it('is turned on with a first code, then asks every login for a fresh code or a recovery code', async () => {
    const me = restClient(h.url, await h.login(EMAIL));
    expect((await me.get<TotpStatus>('/api/auth/totp')).body).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      requiredBy: [],
    });
    const setup = await me.post<TotpSetup>('/api/auth/totp/setup', {});
    expect(setup.status).toBe(200);
    const { secret, uri } = setup.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`otpauth://totp/Cascade%3A${encodeURIComponent(EMAIL)}?secret=${secret}`);
    // Until a code confirms it, the password alone still logs in.
    expect((await login()).status).toBe(200);

    const wrong = await me.post<{ error: { code: string } }>('/api/auth/totp/enable', { code: '000000' });
    expect(wrong.status).toBe(400);
    const now = Date.now();
    const enabled = await me.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', {
      code: totpCode(secret, now),
    });
    expect(enabled.status).toBe(200);
    const { recoveryCodes } = enabled.body;
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(JSON.stringify(await h.snapshot())).not.toContain(recoveryCodes[0]);
    expect((await me.post('/api/auth/totp/setup', {})).status).toBe(409);

    expect(await login()).toMatchObject({ status: 401, code: 'second_factor_required' });
    expect(await login('123456')).toMatchObject({ status: 401, code: 'unauthorized', message: 'wrong code' });
    // The code of the step after the one used to turn it on: accepted once, never twice.
    const next = totpCode(secret, now + STEP);
    expect((await login(next)).status).toBe(200);
    expect(await login(next)).toMatchObject({ status: 401, code: 'unauthorized' });

    const recovery = recoveryCodes[0]!;
    expect((await login(recovery.toUpperCase())).status).toBe(200);
    expect((await login(recovery)).status).toBe(401);
    expect((await me.get<TotpStatus>('/api/auth/totp')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });

    const badOff = await me.post('/api/auth/totp/disable', { password: 'not my password' });
    expect(badOff.status).toBe(400);
    expect((await me.post('/api/auth/totp/disable', { password })).status).toBe(204);
    expect((await login()).status).toBe(200);
  });

  it('shows the members of a site that requires it which site does, and only its admins may set that', async () => {
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const agent = restClient(h.url, await h.login('lina@cedar.example'));
    const site = h.demo.siteId;
    expect((await agent.post('/api/integrations/totp-requirement', { siteId: site, required: true })).status).toBe(403);
    expect((await admin.post('/api/integrations/totp-requirement', { siteId: site, required: true })).status).toBe(200);
    const status = await agent.get<TotpStatus>('/api/auth/totp');
    expect(status.body.requiredBy).toEqual([h.demo.siteName]);
    await admin.post('/api/integrations/totp-requirement', { siteId: site, required: false });
    expect((await agent.get<TotpStatus>('/api/auth/totp')).body.requiredBy).toEqual([]);
  });
});

describe('a site that requires two-step sign-in', () => {
  const site = () => h.demo.siteId;
  const passwordOf = (email: string) => h.demo.accounts.find((a) => a.email === email)?.password ?? '';
  /** The agent socket's handshake with this session: connected, or the code it was refused with. */
  async function handshake(cookie: string): Promise<string> {
    const socket = new TestClient(`${h.url}/agent`, { extraHeaders: { cookie }, reconnection: false });
    try {
      await socket.connected();
      return 'connected';
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    } finally {
      socket.close();
    }
  }

  it('lets a member without it sign in, refuses everything but setting it up, then lets them work', async () => {
    const email = 'sara@cedar.example';
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    expect((await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: true })).status).toBe(
      200,
    );
    try {
      const auth = await h.login(email);
      const sara = restClient(h.url, auth);
      const me = await sara.get<Me>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.secondFactorSetupRequired).toBe(true);

      const refused = await sara.get<{ error: { code: string } }>(`/api/tickets?siteId=${site()}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('second_factor_setup_required');
      const board = await sara.get<{ error: { code: string } }>(`/api/board?siteId=${site()}`);
      expect(board.body.error.code).toBe('second_factor_setup_required');
      expect(await handshake(auth.cookie)).toBe('second_factor_setup_required');
      // The admin who required it is held to it as well, except for seeing and undoing the requirement.
      expect((await admin.get(`/api/integrations/totp-requirement?siteId=${site()}`)).body).toEqual({
        siteId: site(),
        required: true,
      });
      expect((await admin.get<{ error: { code: string } }>(`/api/agents?siteId=${site()}`)).body.error.code).toBe(
        'second_factor_setup_required',
      );

      expect((await sara.get<TotpStatus>('/api/auth/totp')).body.requiredBy).toEqual([h.demo.siteName]);
      const { secret } = (await sara.post<TotpSetup>('/api/auth/totp/setup', {})).body;
      const enabled = await sara.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', {
        code: totpCode(secret),
      });
      expect(enabled.status).toBe(200);

      expect((await sara.get<Me>('/api/auth/me')).body.secondFactorSetupRequired).toBe(false);
      expect((await sara.get(`/api/tickets?siteId=${site()}`)).status).toBe(200);
      expect((await sara.get(`/api/board?siteId=${site()}`)).status).toBe(200);
      expect(await handshake(auth.cookie)).toBe('connected');

      // Turned off again, the person is back to the setup step.
      expect((await sara.post('/api/auth/totp/disable', { password: passwordOf(email) })).status).toBe(204);
      expect((await sara.get(`/api/tickets?siteId=${site()}`)).status).toBe(403);
      expect((await sara.post('/api/auth/logout', {})).status).toBe(204);
    } finally {
      expect((await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: false })).status).toBe(
        200,
      );
    }
  });

  it('leaves members of other sites and the API tokens of the site alone', async () => {
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const created = await admin.post<ApiTokenCreated>('/api/integrations/tokens', {
      siteId: site(),
      name: 'Helpdesk sync',
      scopes: ['tickets:read'],
    });
    expect(created.status).toBe(201);
    await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: true });
    try {
      const byToken = await fetch(`${h.url}/api/tickets`, {
        headers: { authorization: `Bearer ${created.body.secret}` },
      });
      expect(byToken.status).toBe(200);

      const other = h.demos[1];
      const elsewhere = other?.accounts.find((a) => a.role === 'agent');
      if (!other || !elsewhere) throw new Error('the harness seeds a second tenant');
      const auth = await h.login(elsewhere.email, elsewhere.password);
      const outsider = restClient(h.url, auth);
      expect((await outsider.get<Me>('/api/auth/me')).body.secondFactorSetupRequired).toBe(false);
      expect((await outsider.get(`/api/tickets?siteId=${other.siteId}`)).status).toBe(200);
      expect(await handshake(auth.cookie)).toBe('connected');
    } finally {
      await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: false });
    }
  });

  it('ends the live connections of members without it as soon as their site requires it', async () => {
    const lina = await h.agent('lina@cedar.example');
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const ended = withTimeout(
      'the agent socket to be closed by the server',
      new Promise<string>((resolve) => lina.socket.once('disconnect', resolve)),
    );
    await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: true });
    try {
      expect(await ended).toBe('io server disconnect');
      expect(await handshake(lina.cookie)).toBe('second_factor_setup_required');
    } finally {
      await admin.post('/api/integrations/totp-requirement', { siteId: site(), required: false });
      lina.close();
    }
  });
});
