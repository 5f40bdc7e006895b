import { afterAll, expect, it } from 'vitest';
import { cleanKeys } from '../support/harness.ts';
import { TestClient } from '../support/clients.ts';
import { killAll, newPrefix, spawnServer } from '../support/processes.ts';

const prefix = newPrefix();
afterAll(async () => {
  await killAll();
  await cleanKeys(prefix);
});

it('logs request paths and page views without their query strings', async () => {
  const server = await spawnServer(prefix, { LOG_LEVEL: 'info' });
  let log = '';
  server.child.stdout?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  await fetch(`${server.url}/api/widget/config?siteKey=${server.siteKey}&q=pregnancy-test`);
  await fetch(`${server.url}/api/kb?siteId=demo&q=refund-for-stolen-card`);
  const visitor = new TestClient(`${server.url}/visitor`, { auth: { siteKey: server.siteKey } });
  await visitor.connected();
  await visitor.ok('hello', {
    after: null,
    page: { url: 'https://shop.example/search?q=divorce-lawyer', title: 'Search' },
  });
  await visitor.ok('page:view', { url: 'https://shop.example/search?q=debt-help', title: 'Search' });
  visitor.close();
  await expect.poll(() => log.includes('"url":"/api/kb"') && log.includes('"url":"/api/widget/config"')).toBe(true);
  for (const term of ['pregnancy-test', 'refund-for-stolen-card', 'divorce-lawyer', 'debt-help', 'siteKey=']) {
    expect(log).not.toContain(term);
  }
});
