import { createHmac } from 'node:crypto';
import { expect, it } from 'vitest';
import { claimAttributes, verifyIdentity } from '../src/auth/identity.ts';

// The recipe from the README, as a site's backend would write it with no library.
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function cascadeIdentity(user: { id: string; name: string; email: string }, secret: string, seconds = 3600) {
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    sub: user.id,
    name: user.name,
    email: user.email,
    exp: Math.floor(Date.now() / 1000) + seconds,
  })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const user = { id: 'u1', name: 'Maya', email: 'maya@example.com' };

it('accepts the documented token and refuses a wrong secret, a long life or an expired one', async () => {
  expect(await verifyIdentity(cascadeIdentity(user, 's3cret'), 's3cret')).toMatchObject({
    sub: 'u1',
    email: 'maya@example.com',
  });
  expect(await verifyIdentity(cascadeIdentity(user, 'other'), 's3cret')).toBeNull();
  expect(await verifyIdentity(cascadeIdentity(user, 's3cret', 3 * 24 * 3600), 's3cret')).toBeNull();
  expect(await verifyIdentity(cascadeIdentity(user, 's3cret', -3600), 's3cret')).toBeNull();
  expect(await verifyIdentity(cascadeIdentity(user, 's3cret', -30), 's3cret')).not.toBeNull();
});

it('turns the token’s own plain claims into attributes, never the registered ones', () => {
  const claims = {
    sub: 'u1',
    email: 'maya@example.com',
    exp: 2_000_000_000,
    iat: 1_900_000_000,
    plan: 'pro',
    seats: 12,
    trial: false,
    roles: ['admin'],
    'bad key': 'x',
    note: 'n'.repeat(201),
  };
  expect(claimAttributes(claims)).toEqual({ plan: 'pro', seats: '12', trial: 'false' });
});
