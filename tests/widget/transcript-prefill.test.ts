import type { AgentSkill, ChatSummary, PreChat } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { endStrings } from '../../widget/src/locales/end.ts';
import { preChatStrings } from '../../widget/src/locales/pre-chat.ts';
import { Mailbox } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';
import { openDemo, sendMessage } from '../support/widget-page.ts';

let mailbox: Mailbox;
const stage = serverAndBrowser({
  // One transcript per address a day, so a second request meets the limit.
  start: () =>
    startCascade({
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Cedar Support <support@cedar.example>',
      RATE_TRANSCRIPTS_PER_ADDRESS_PER_DAY: '1',
    }),
  before: async () => {
    mailbox = await Mailbox.start();
  },
});
afterAll(async () => {
  await (mailbox as Mailbox | undefined)?.close();
});

const skills: AgentSkill[] = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({
  skill,
  level: 1,
}));
const form: PreChat = {
  when: 'first_message',
  fields: [{ id: 'email_1', kind: 'email', required: true, label: { en: 'Email address' } }],
};

const limited = endStrings.en['transcript.limited'];

beforeAll(() => stage.h.configureSite({ preChat: form }));

it(
  'offers the transcript to the pre-chat address without asking again, and says so plainly when the limit is reached',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByLabel('Email address').fill('dana@customers.example');
    await page.getByRole('button', { name: preChatStrings.en.submit }).click();
    await sendMessage(page, 'I need a person, please');
    const agent = await stage.h.newAgent({ skills, name: 'Rana' });
    await page.getByRole('button', { name: 'Talk to a person' }).first().click();
    const chat = await agent.next<ChatSummary>('chat:assigned');
    await page.getByText('Rana joined the chat.').waitFor();
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    await page.getByRole('log').getByText('The chat has ended.').waitFor();

    const offer = page.getByRole('button', { name: 'Email the transcript to dana@customers.example' });
    await offer.waitFor();
    // The address is known: no field asks for it.
    expect(await page.getByRole('textbox', { name: /email/i }).count()).toBe(0);
    await offer.click();
    await page.getByText('Sent to dana@customers.example.').waitFor();
    const mail = await mailbox.next((m) => JSON.stringify(m.to).includes('dana@customers.example'), STEP_TIMEOUT_MS);
    expect(mail.text).toContain('I need a person, please');
    expect(await page.getByText('Something went wrong. Try again.').count()).toBe(0);

    // Asked again after a reload, the limit is said as it is, not as a fault to retry.
    // The panel stays open across the reload, with the ended chat's card.
    await page.reload();
    await offer.click();
    await page.getByRole('alert').getByText(limited).waitFor();
    expect(await page.getByText('Something went wrong. Try again.').count()).toBe(0);

    await agent.ok('agent:status', { status: 'away' });
    agent.close();
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);
