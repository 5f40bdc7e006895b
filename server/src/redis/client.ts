import { createClient, createCluster, type RedisArgument } from 'redis';

export type Client = ReturnType<typeof createClient>;
export type Cluster = ReturnType<typeof createCluster>;

/** The commands Cascade sends; both a single-server client and a cluster client have them. */
type StoreCommand =
  | 'del'
  | 'eval'
  | 'evalSha'
  | 'expire'
  | 'get'
  | 'getEx'
  | 'hDel'
  | 'hGet'
  | 'hGetAll'
  | 'hIncrBy'
  | 'hLen'
  | 'hmGet'
  | 'hSet'
  | 'incr'
  | 'lRange'
  | 'pExpire'
  | 'ping'
  | 'publish'
  | 'sAdd'
  | 'sMembers'
  | 'smIsMember'
  | 'scriptLoad'
  | 'sRem'
  | 'set'
  | 'xAdd'
  | 'xDel'
  | 'xTrim'
  | 'xRange'
  | 'xRevRange'
  | 'zAdd'
  | 'zRange'
  | 'zRangeByScore'
  | 'zRangeByScoreWithScores'
  | 'zRangeWithScores'
  | 'zRank'
  | 'zRem'
  | 'zRemRangeByScore'
  | 'zScore'
  | 'close';

/**
 * A MULTI of the commands Cascade batches. On a cluster every key of one transaction must be
 * in one hash slot; the key builders make sure of that (`{s:site}`, `{c:conversation}`).
 */
export interface Transaction {
  del(key: RedisArgument): Transaction;
  hSet(key: RedisArgument, value: Record<string, string>): Transaction;
  hSet(key: RedisArgument, field: RedisArgument, value: RedisArgument): Transaction;
  hDel(key: RedisArgument, field: RedisArgument): Transaction;
  hIncrBy(key: RedisArgument, field: RedisArgument, by: number): Transaction;
  zAdd(key: RedisArgument, member: { score: number; value: RedisArgument }): Transaction;
  zRem(key: RedisArgument, member: RedisArgument): Transaction;
  sAdd(key: RedisArgument, member: RedisArgument): Transaction;
  sRem(key: RedisArgument, member: RedisArgument): Transaction;
  lPush(key: RedisArgument, value: RedisArgument): Transaction;
  rPush(key: RedisArgument, value: RedisArgument): Transaction;
  lTrim(key: RedisArgument, start: number, stop: number): Transaction;
  incr(key: RedisArgument): Transaction;
  expire(key: RedisArgument, seconds: number, mode?: 'NX'): Transaction;
  persist(key: RedisArgument): Transaction;
  pTTL(key: RedisArgument): Transaction;
  sMembers(key: RedisArgument): Transaction;
  exec(): Promise<unknown[]>;
}

/** The store's connection: one Redis server or a Redis Cluster, used the same way. */
export type Redis = Pick<Cluster, StoreCommand> & { multi(): Transaction };
