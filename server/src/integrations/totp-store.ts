import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from '../redis/connect.ts';
import type { IntegrationKeys } from './keys.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

const RECOVERY_CODES = 10;
/** A used step is remembered past the last moment its code is accepted (one step late). */
const USED_STEP_SECONDS = 120;

const hashCode = (code: string): string => createHash('sha256').update(code.toLowerCase()).digest('hex');
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** xxxx-xxxx-xxxx from an alphabet without look-alikes (about 59 bits). */
function recoveryCode(): string {
  const chars = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

type Stored = { secret: string; enabled: boolean; recovery: string[] };

/**
 * Each agent's TOTP: a secret (pending until a first code confirms it), and recovery codes
 * kept only as hashes. Every code works once.
 */
export function totpStore(redis: Redis, k: IntegrationKeys) {
  async function read(agentId: string): Promise<Stored | null> {
    const raw = await redis.get(k.totp(agentId));
    return raw ? (JSON.parse(raw) as Stored) : null;
  }
  const write = (agentId: string, s: Stored) => redis.set(k.totp(agentId), JSON.stringify(s));

  return {
    async status(agentId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
      const s = await read(agentId);
      return { enabled: s?.enabled ?? false, recoveryCodesLeft: s?.enabled ? s.recovery.length : 0 };
    },

    /** A new pending secret; refused (null) while TOTP is on, so a session cannot swap it silently. */
    async begin(agentId: string): Promise<string | null> {
      if ((await read(agentId))?.enabled) return null;
      const secret = newTotpSecret();
      await write(agentId, { secret, enabled: false, recovery: [] });
      return secret;
    },

    /** Turns TOTP on when the code matches the pending secret; the recovery codes, or null. */
    async enable(agentId: string, code: string, now: number): Promise<string[] | null> {
      const s = await read(agentId);
      if (!s || s.enabled) return null;
      const step = matchTotp(s.secret, code, now);
      if (step === null || !(await this.claimStep(agentId, step))) return null;
      const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
      await write(agentId, { ...s, enabled: true, recovery: codes.map(hashCode) });
      return codes;
    },

    async disable(agentId: string): Promise<void> {
      await redis.del(k.totp(agentId));
    },

    /** Marks a time step used; false when it already was (the same code seen twice). */
    async claimStep(agentId: string, step: number): Promise<boolean> {
      const set = await redis.set(k.totpUsed(agentId, step), '1', {
        condition: 'NX',
        expiration: { type: 'EX', value: USED_STEP_SECONDS },
      });
      return set === 'OK';
    },

    /** Checks an app code or a recovery code at login; a recovery code is spent. */
    async check(agentId: string, code: string, now: number): Promise<boolean> {
      const s = await read(agentId);
      if (!s?.enabled) return true;
      if (/^\d{6}$/.test(code)) {
        const step = matchTotp(s.secret, code, now);
        return step !== null && (await this.claimStep(agentId, step));
      }
      const hash = hashCode(code.trim());
      if (!s.recovery.includes(hash)) return false;
      await write(agentId, { ...s, recovery: s.recovery.filter((h) => h !== hash) });
      return true;
    },

    async enabled(agentId: string): Promise<boolean> {
      return (await read(agentId))?.enabled ?? false;
    },
  };
}
export type TotpStore = ReturnType<typeof totpStore>;
