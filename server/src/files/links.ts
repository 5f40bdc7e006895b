import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Attachment, AttachmentLink, Message, StoredMessage } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';

/** `f` the file itself, `t` its thumbnail: a link to one never opens the other. */
export type Variant = 'f' | 't';

/** Expiries are whole minutes, so the same file read twice in a minute has the same link (and a cached image). */
const STEP_MS = 60_000;

export type FileLinks = ReturnType<typeof fileLinks>;

/**
 * Short-lived links signed with HMAC-SHA256: whoever holds one may read that one file until it
 * expires, and nobody can make one without the secret.
 */
export function fileLinks(secret: string, publicUrl: () => string, ttlMs: number) {
  const key = Buffer.from(secret, 'utf8');
  const sign = (id: string, variant: Variant, exp: number) =>
    createHmac('sha256', key).update(`${id}.${variant}.${exp}`).digest('base64url');

  function link(a: Attachment, ttl = ttlMs, now = Date.now()): AttachmentLink {
    const exp = Math.ceil((now + ttl) / STEP_MS) * STEP_MS;
    const name = encodeURIComponent(a.name);
    const url = (variant: Variant, path: string) =>
      `${publicUrl()}/files/${a.id}/${path}?e=${exp}&s=${sign(a.id, variant, exp)}`;
    return {
      ...stripLink(a),
      url: url('f', name),
      ...(a.image ? { thumbUrl: url('t', `thumb/${name}`) } : {}),
      expiresAt: exp,
    };
  }

  return {
    link,
    /** The message with fresh links to its files; one without files is returned as it is. */
    message: (m: StoredMessage, ttl = ttlMs): Message =>
      m.attachments ? { ...m, attachments: m.attachments.map((a) => link(a, ttl)) } : (m as Message),
    /** `expired` only for a link this server signed: a forged one is `bad` whatever its date. */
    verify(id: string, variant: Variant, exp: number, sig: string, now = Date.now()): 'ok' | 'expired' | 'bad' {
      const want = Buffer.from(sign(id, variant, exp));
      const got = Buffer.from(sig);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return 'bad';
      return exp < now ? 'expired' : 'ok';
    },
  };
}

/** The attachment as stored: its links are not kept, they are signed anew whenever it is sent. */
export function stripLink(a: Attachment): Attachment {
  const { id, name, type, size, image, width, height } = a;
  return {
    id,
    name,
    type,
    size,
    image,
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
  };
}

/** A message as it is kept: its files without links. */
export function withoutLinks<M extends { attachments?: Attachment[] | undefined }>(m: M): M {
  return m.attachments ? { ...m, attachments: m.attachments.map(stripLink) } : m;
}

/** FILES_SIGNING_SECRET, or one made once and kept in Redis so that every process signs alike. */
export async function signingSecret(redis: Redis, key: string, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await redis.set(key, randomBytes(32).toString('base64url'), { condition: 'NX' });
  const secret = await redis.get(key);
  if (!secret) throw new Error('the file signing secret vanished from Redis');
  return secret;
}
