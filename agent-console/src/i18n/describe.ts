import type { Message, Visitor } from '@cascade/shared';
import type { DeviceInfo } from '../logic/user-agent.ts';
import { knownVisitorName, shortVisitorTag } from '../logic/visitor-name.ts';
import type { Translator } from './translator.ts';

/** How the console names a visitor: their name or email, else "Visitor #4F2A". */
export function visitorLabel(t: Translator, visitor: Pick<Visitor, 'id' | 'name' | 'email'>): string {
  return knownVisitorName(visitor) ?? t.t('visitor.anonymous', { id: shortVisitorTag(visitor.id) });
}

type Data = NonNullable<Message['data']>;

const text = (data: Data, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};

const count = (data: Data, key: string): number | null => {
  const value = data[key];
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
};

/** Names a skill for people; the id where no catalogue is at hand. */
type NameSkill = (skill: string) => string;
const asId: NameSkill = (skill) => skill;

/** The one-line note the console shows for a waterfall event in a transcript. */
export function systemText(t: Translator, message: Message, nameSkill: NameSkill = asId): string {
  const data = message.data ?? {};
  switch (message.event) {
    case null:
      return message.text;
    case 'claimed':
    case 'agent_left': {
      const agent = text(data, 'agentName') ?? message.authorName;
      if (message.event === 'claimed') return agent ? t.t('system.claimed', { agent }) : t.t('system.claimedAnon');
      return agent ? t.t('system.agent_left', { agent }) : t.t('system.agent_leftAnon');
    }
    case 'transferred': {
      const id = text(data, 'skill');
      const skill = id && nameSkill(id);
      const level = count(data, 'level');
      const target =
        skill && level ? t.t('system.target', { skill, level }) : level ? t.t('transfer.levelN', { level }) : skill;
      return target ? t.t('system.transferred', { target }) : t.t('system.transferredAnon');
    }
    case 'offered_ticket': {
      const reason = text(data, 'reason');
      return reason === 'max_wait' || reason === 'no_agent' || reason === 'outside_hours'
        ? t.t('system.offered_ticketBecause', { reason: t.t(`ticketReason.${reason}`) })
        : t.t('system.offered_ticket');
    }
    case 'ticketed': {
      const number = count(data, 'ticketNumber');
      return number ? t.t('system.ticketed', { number }) : t.t('system.ticketedAnon');
    }
    default:
      return t.t(`system.${message.event}`);
  }
}

/** The note an agent left with a transfer, shown under the transfer line. */
export function transferNoteOf(message: Message): string | null {
  return message.event === 'transferred' && message.data ? text(message.data, 'note') : null;
}

/** "Chrome 120 on Windows · Desktop", leaving out what the user agent did not say. */
export function deviceText(t: Translator, info: DeviceInfo): string {
  const kind = t.t(`device.${info.device}`);
  const browser = info.browser ? [info.browser, info.browserVersion].filter(Boolean).join(' ') : null;
  const main = browser && info.os ? t.t('device.summary', { browser, os: info.os }) : (browser ?? info.os);
  return main ? `${main} · ${kind}` : kind;
}

/** One line for the inbox: what was said last, with notes and events marked as such. */
export function previewText(t: Translator, message: Message | null, nameSkill: NameSkill = asId): string {
  if (!message) return t.t('inbox.noMessage');
  if (message.author === 'system') return systemText(t, message, nameSkill);
  if (message.internal) return t.t('inbox.noteFrom', { text: message.text });
  return message.text;
}
