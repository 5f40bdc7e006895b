/**
 * Where attachment bytes live: the local disk or an S3-compatible bucket, never Redis. Keys
 * are made by the server (`site/file/variant`), never from a name a person typed.
 */
export type FileStorage = {
  put(key: string, bytes: Buffer, type: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the keys; a key already gone is no error. */
  remove(keys: readonly string[]): Promise<void>;
};

/** Letters, digits, `_`, `-` and `/` between segments: a key can never climb out of its folder or bucket. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(key)) throw new Error(`not a storage key: ${key}`);
  return key;
}
