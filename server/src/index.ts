export { buildServer, type Cascade } from './app.ts';
export type { FastifyInstance as CascadeServer } from 'fastify';
export { loadConfig, type Config } from './config.ts';
export type { Demo, DemoAccount } from './demo/seed.ts';
export { redisAnswers } from './redis/connect.ts';
