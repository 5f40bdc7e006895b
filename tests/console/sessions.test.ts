import { expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

it('"Log out everywhere" ends the agent’s other sessions too', async () => {
  const laptop = await openConsole(stage.browser, stage.h, 'omid@cedar.example');
  const phone = await openConsole(stage.browser, stage.h, 'omid@cedar.example');
  for (const page of [laptop, phone]) await page.getByRole('list', { name: 'My chats' }).waitFor();

  await laptop.getByRole('button', { name: 'Log out everywhere' }).click();
  await laptop.getByRole('button', { name: 'Log in' }).waitFor();
  await phone.reload();
  await phone.getByRole('button', { name: 'Log in' }).waitFor();
  expect((await phone.request.get(`${stage.h.url}/api/auth/me`)).status()).toBe(401);
});
