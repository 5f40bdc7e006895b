import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from '../redis/connect.ts';

/** A secret for a link (setup, password reset); only its SHA-256 is ever stored. */
export const newLinkToken = () => randomBytes(32).toString('base64url');
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');

const TAKE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Deletes the key if it holds this value: true for exactly one caller, however many race for it. */
export async function takeIfEquals(redis: Redis, key: string, value: string): Promise<boolean> {
  return (await redis.eval(TAKE, { keys: [key], arguments: [value] })) === 1;
}
