import { describe, expect, it } from 'vitest';
import { deviceText, previewText, systemText, transferNoteOf, visitorLabel } from '../src/i18n/describe.ts';
import { createTranslator } from '../src/i18n/translator.ts';
import { parseUserAgent } from '../src/logic/user-agent.ts';
import { message } from './fixtures.ts';

const en = createTranslator('en');
const fa = createTranslator('fa');
const system = (
  event: NonNullable<Parameters<typeof message>[0]['event']>,
  data: Record<string, string | number> | null = null,
) => message({ id: '1-0', author: 'system', event, data, text: '' });

describe('systemText', () => {
  it('names the agent who joined', () => {
    expect(systemText(en, system('claimed', { agentName: 'Sara' }))).toBe('Sara joined the chat');
    expect(systemText(en, system('claimed'))).toBe('An agent joined the chat');
  });

  it('gives the ticket number', () => {
    expect(systemText(en, system('ticketed', { ticketNumber: 42 }))).toBe('Ticket #42 created');
    expect(systemText(fa, system('ticketed', { ticketNumber: 42 }))).toBe('تیکت شماره ۴۲ ساخته شد');
    expect(systemText(en, system('ticketed'))).toBe('Ticket created');
  });

  it('says where a chat was transferred', () => {
    expect(systemText(en, system('transferred', { skill: 'billing', level: 2 }))).toBe(
      'Transferred to billing, level 2',
    );
    expect(systemText(en, system('transferred', { level: '3' }))).toBe('Transferred to Level 3');
    expect(systemText(en, system('transferred'))).toBe('Transferred');
  });

  it('says why a ticket was offered', () => {
    expect(systemText(en, system('offered_ticket', { reason: 'no_agent' }))).toBe(
      'The visitor was offered a ticket (Nobody available)',
    );
    expect(systemText(en, system('offered_ticket'))).toBe('The visitor was offered a ticket');
  });

  it('keeps the note of a transfer', () => {
    expect(transferNoteOf(system('transferred', { level: 2, skill: 'billing', note: 'Refund over limit' }))).toBe(
      'Refund over limit',
    );
    expect(transferNoteOf(system('claimed', { note: 'x' }))).toBeNull();
  });

  it('has a line for every other event', () => {
    expect(systemText(en, system('requeued'))).toBe('Back in the queue');
    expect(systemText(en, system('resolved'))).toBe('Resolved');
  });

  it('shows the text of a system message without an event', () => {
    expect(systemText(en, message({ id: '1-0', author: 'system', text: 'Visitor reconnected' }))).toBe(
      'Visitor reconnected',
    );
  });
});

describe('previewText', () => {
  it('marks internal notes and describes events', () => {
    expect(previewText(en, message({ id: '1-0', author: 'agent', internal: true, text: 'call back' }))).toBe(
      'Note: call back',
    );
    expect(previewText(en, system('resolved'))).toBe('Resolved');
    expect(previewText(en, null)).toBe('No messages yet');
  });
});

describe('visitorLabel', () => {
  it('prefers the name, then the email, then a short tag', () => {
    expect(visitorLabel(en, { id: 'v_abcd1234', name: 'Mina', email: 'm@example.com' })).toBe('Mina');
    expect(visitorLabel(en, { id: 'v_abcd1234', name: null, email: 'm@example.com' })).toBe('m@example.com');
    expect(visitorLabel(en, { id: 'v_abcd1234', name: '  ', email: null })).toBe('Visitor #1234');
  });
});

describe('deviceText', () => {
  it('summarises browser, system and kind of device', () => {
    const iphone = parseUserAgent(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ' +
        'AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    );
    expect(deviceText(en, iphone)).toBe('Safari 17 on iOS 17 · Phone');
    expect(deviceText(en, parseUserAgent('curl/8'))).toBe('Desktop');
  });
});
