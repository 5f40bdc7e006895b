import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { login, restClient } from '../support/rest.ts';
import { call, startFresh, tokenOf, type Fresh } from './fresh.ts';

const owner = { name: 'Nadia Owner', email: 'nadia@shop.example', password: 'a long owner password' };
let s: Fresh;
let mailbox: Mailbox;
let siteId: string;
let rest: ReturnType<typeof restClient>;

const linkIn = (text: string) => /https?:\/\/\S+#\w+\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';

beforeAll(async () => {
  mailbox = await Mailbox.start();
  s = await startFresh({ SMTP_URL: mailbox.url, RATE_PASSWORD_RESETS_PER_HOUR: '2' });
  const done = await call<{ site: { id: string } }>(s.url, 'POST', '/api/setup', {
    token: tokenOf(s.cascade.setupLink ?? ''),
    owner,
    site: { name: 'Shop', allowedOrigins: ['https://shop.example'], locales: ['en'] },
  });
  siteId = done.body.site.id;
  rest = restClient(s.url, await login(s.url, owner.email, owner.password));
});
afterAll(async () => {
  await s.close();
  await mailbox.close();
});

describe('invitations', () => {
  it('emails a single-use link with which a new person chooses their password and joins with the role and level', async () => {
    const sent = await rest.post<{ emailed: boolean; link: string | null; invitation: { id: string } }>(
      '/api/invitations',
      { siteId, email: 'lina@shop.example', role: 'agent', level: 2 },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.emailed).toBe(true);
    expect(sent.body.link).toBeNull();
    const mail = await mailbox.next((m) => recipient(m) === 'lina@shop.example');
    expect(mail.subject).toBe('You are invited to answer chats for Shop');
    const code = tokenOf(linkIn(mail.text ?? ''));
    expect(linkIn(mail.text ?? '')).toContain('/console/#invite/');

    const listed = await rest.get<{ invitations: { email: string; level: number }[] }>(
      `/api/invitations?siteId=${siteId}`,
    );
    expect(listed.body.invitations).toEqual([expect.objectContaining({ email: 'lina@shop.example', level: 2 })]);
    const preview = await call(s.url, 'GET', `/api/invitations/preview/${code}`);
    expect(preview.body).toEqual({ site: 'Shop', email: 'lina@shop.example', role: 'agent', existingAccount: false });

    const joined = await call(s.url, 'POST', '/api/invitations/join', {
      code,
      name: 'Lina',
      password: 'lina chose this one',
    });
    expect(joined.status).toBe(200);
    expect(joined.cookie).toMatch(/^cascade_session=/);
    const again = await call(s.url, 'POST', '/api/invitations/join', {
      code,
      name: 'Mallory',
      password: 'mallory wants in',
    });
    expect(again.status).toBe(404);

    const lina = restClient(s.url, await login(s.url, 'lina@shop.example', 'lina chose this one'));
    const me = await lina.get<{
      agent: { memberships: { role: string; skills: { level: number }[] }[] };
      passwordChangeRequired: boolean;
    }>('/api/auth/me');
    expect(me.body.passwordChangeRequired).toBe(false);
    expect(me.body.agent.memberships[0]?.role).toBe('agent');
    expect(me.body.agent.memberships[0]?.skills.map((x) => x.level)).toEqual([2]);
    expect((await rest.get<{ invitations: unknown[] }>(`/api/invitations?siteId=${siteId}`)).body.invitations).toEqual(
      [],
    );
  });

  it('resends with a new link that replaces the old, and revokes', async () => {
    const first = await rest.post<{ invitation: { id: string } }>('/api/invitations', {
      siteId,
      email: 'omid@shop.example',
      role: 'supervisor',
      level: 3,
    });
    const oldCode = tokenOf(linkIn((await mailbox.next((m) => recipient(m) === 'omid@shop.example')).text ?? ''));
    const resent = await rest.post<{ invitation: { id: string } }>(
      `/api/invitations/${first.body.invitation.id}/resend`,
      {
        siteId,
      },
    );
    expect(resent.status).toBe(200);
    const newCode = tokenOf(
      linkIn(
        (await mailbox.next((m) => recipient(m) === 'omid@shop.example' && !(m.text ?? '').includes(oldCode))).text ??
          '',
      ),
    );
    expect(newCode).not.toBe(oldCode);
    expect((await call(s.url, 'GET', `/api/invitations/preview/${oldCode}`)).status).toBe(404);
    expect((await call(s.url, 'GET', `/api/invitations/preview/${newCode}`)).status).toBe(200);

    const revoked = await rest.delete(`/api/invitations/${resent.body.invitation.id}?siteId=${siteId}`);
    expect(revoked.status).toBe(204);
    const join = await call(s.url, 'POST', '/api/invitations/join', {
      code: newCode,
      name: 'Omid',
      password: 'omid chose this one',
    });
    expect(join.status).toBe(404);
  });

  it('asks a person who already has an account to accept, telling nothing of their other sites', async () => {
    const other = await rest.post<{ site: { id: string } }>('/api/sites', {
      name: 'Secret side project',
      allowedOrigins: [],
      locales: ['en'],
    });
    expect(other.status).toBe(200);
    const rest2 = restClient(s.url, await login(s.url, owner.email, owner.password));
    // Lina (an account on Shop) is invited to the new site.
    const sent = await rest2.post<{ invitation: { existingAccount: boolean } }>('/api/invitations', {
      siteId: other.body.site.id,
      email: 'lina@shop.example',
      role: 'agent',
      level: 1,
    });
    expect(sent.body.invitation.existingAccount).toBe(true);
    const mail = await mailbox.next(
      (m) => recipient(m) === 'lina@shop.example' && (m.subject ?? '').includes('Secret'),
    );
    const link = linkIn(mail.text ?? '');
    expect(link).toContain('/console/#join/');
    expect(mail.text).not.toContain('Shop\n');
    // The link cannot create a second account for the email: only the person, signed in, accepts.
    const join = await call(s.url, 'POST', '/api/invitations/join', {
      code: tokenOf(link),
      name: 'X',
      password: 'someone else here',
    });
    expect(join.status).toBe(404);
    const lina = restClient(s.url, await login(s.url, 'lina@shop.example', 'lina chose this one'));
    const accepted = await lina.post<{ site: { name: string } }>('/api/invitations/accept', { code: tokenOf(link) });
    expect(accepted.body.site.name).toBe('Secret side project');
  });

  it('shows the link to the admin when there is no SMTP', async () => {
    const bare = await startFresh();
    try {
      const done = await call<{ site: { id: string } }>(bare.url, 'POST', '/api/setup', {
        token: tokenOf(bare.cascade.setupLink ?? ''),
        owner,
        site: { name: 'Bare', allowedOrigins: [], locales: ['en'] },
      });
      const r = restClient(bare.url, await login(bare.url, owner.email, owner.password));
      const sent = await r.post<{ emailed: boolean; link: string }>('/api/invitations', {
        siteId: done.body.site.id,
        email: 'new@bare.example',
        role: 'agent',
        level: 1,
      });
      expect(sent.body.emailed).toBe(false);
      expect(sent.body.link).toMatch(/\/console\/#invite\/[A-Za-z0-9_-]{43}$/);
    } finally {
      await bare.close();
    }
  });
});

describe('forgot password', () => {
  it('gives the same answer for unknown emails, emails a single-use link and ends every session on reset', async () => {
    const unknown = await call(s.url, 'POST', '/api/auth/forgot', { email: 'nobody@shop.example' });
    const known = await call(s.url, 'POST', '/api/auth/forgot', { email: owner.email });
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
    const mail = await mailbox.next((m) => recipient(m) === owner.email && m.subject === 'Reset your Cascade password');
    const link = linkIn(mail.text ?? '');
    expect(link).toContain('/console/#reset/');

    const session = await login(s.url, owner.email, owner.password);
    const short = await call(s.url, 'POST', '/api/auth/reset', { token: tokenOf(link), password: 'short' });
    expect(short.status).toBe(400);
    const reset = await call(s.url, 'POST', '/api/auth/reset', {
      token: tokenOf(link),
      password: 'the owner’s new password',
    });
    expect(reset.status).toBe(204);
    expect((await call(s.url, 'GET', '/api/auth/me', undefined, session)).status).toBe(401);
    expect(
      (await call(s.url, 'POST', '/api/auth/reset', { token: tokenOf(link), password: 'a third password!' })).status,
    ).toBe(404);
    await login(s.url, owner.email, 'the owner’s new password');
  });

  it('limits reset requests per email, the same way whether it has an account or not', async () => {
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push((await call(s.url, 'POST', '/api/auth/forgot', { email })).status);
      return out;
    };
    expect(await statuses('lina@shop.example')).toEqual([202, 202, 429]);
    expect(await statuses('ghost@shop.example')).toEqual([202, 202, 429]);
  });
});
