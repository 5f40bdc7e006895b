export { buildServer, type Cascade } from './app.ts';
export type { FastifyInstance as CascadeServer } from 'fastify';
export { loadConfig, type Config } from './config.ts';
export type { Demo, DemoAccount } from './demo/seed.ts';
export { redisAnswers } from './redis/connect.ts';
export { serverDb } from './history/server-db.ts';
export { migrate } from './history/migrate.ts';
export { historyReader } from './history/reader.ts';
export { historyNumbers } from './history/numbers.ts';
