import argon2 from 'argon2';

/** argon2id's memory cost by default, the library's own (64 MiB): memory-hard, tuned for interactive logins. */
export const PASSWORD_MEMORY_KIB = 65_536;

export type HashPassword = (password: string) => Promise<string>;

/**
 * argon2id at `memoryKib` of memory (PASSWORD_HASH_MEMORY_KIB). A hash keeps its own cost, so
 * hashes made at another cost still verify.
 */
export const hashPassword = (password: string, memoryKib = PASSWORD_MEMORY_KIB) =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
