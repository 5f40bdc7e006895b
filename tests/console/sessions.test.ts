import { expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import { namedVisitor, send } from './scenario.ts';
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

it('lets a supervisor cut an abusive visitor off from the chat’s context, and only after asking twice', async () => {
  const watcher = await stage.h.agent('admin@cedar.example');
  const sara = await openConsole(stage.browser, stage.h, 'sara@cedar.example');
  await untilOnline(watcher, 'Sara Novak');
  const troll = await namedVisitor(stage.h, 'Rude Visitor');
  const { visitorId } = await troll.ok<{ visitorId: string }>('hello', { after: null, page: null });
  await troll.ok('message:send', send('You are all useless'));
  await troll.ok('conversation:escalate', {});

  await sara.getByRole('button', { name: /Rude Visitor/ }).click();
  const details = sara.getByRole('complementary', { name: 'Visitor details' });
  const disconnected = new Promise<string>((r) => troll.socket.once('disconnect', r));
  await details.getByRole('button', { name: 'Forget this visitor…' }).click();
  await details.getByRole('button', { name: 'Cancel' }).click();
  await details.getByRole('button', { name: 'Forget this visitor…' }).click();
  await details.getByRole('button', { name: 'Yes, forget them' }).click();
  await showsText(details.getByRole('status'), 'starts over as a new visitor');
  expect(await disconnected).toBe('io server disconnect');

  const back = await stage.h.visitor({ token: troll.token });
  const hello = await back.ok<{ visitorId: string; messages: unknown[] }>('hello', { after: null, page: null });
  expect(hello.visitorId).not.toBe(visitorId);
  expect(hello.messages).toEqual([]);
  for (const c of [watcher, troll, back]) c.close();
});

it('lets an agent change their password from the header; the old one stops working', async () => {
  const old = stage.h.demo.accounts.find((a) => a.email === 'lina@cedar.example')!.password;
  const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await dialog.getByLabel('Current password').fill('not my password');
  await dialog.getByLabel('New password', { exact: true }).fill('correct horse battery');
  await dialog.getByLabel('New password again').fill('correct horse battery');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await showsText(dialog.getByRole('alert'), 'That is not your current password.');

  await dialog.getByLabel('Current password').fill(old);
  await dialog.getByLabel('New password again').fill('correct horse');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await showsText(dialog.getByRole('alert'), 'The two new passwords are not the same.');

  await dialog.getByLabel('New password again').fill('correct horse battery');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await showsText(dialog.getByRole('status'), 'Your password is changed.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // This session stays signed in; the old password no longer opens a new one.
  await page.getByRole('list', { name: 'My chats' }).waitFor();
  await expect(stage.h.login('lina@cedar.example', old)).rejects.toThrow(/401/);
  await stage.h.login('lina@cedar.example', 'correct horse battery');
});
