import { ServerEnv, describeEnvError } from '@cascade/shared';
import { publicUrlProblems } from './public-url.ts';

export type Config = ServerEnv & {
  /** Where visitors and agents reach this server, without a trailing slash. */
  publicUrl: string;
};

/** Parses the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${describeEnvError(parsed.error)}`);
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  const publicUrl = (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, '');
  const { error } = publicUrlProblems({ ...c, publicUrl });
  if (error) throw new Error(`Invalid configuration:\n${error}`);
  return { ...c, publicUrl };
}
