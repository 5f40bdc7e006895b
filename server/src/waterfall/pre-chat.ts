import { CascadeError, type Locale, type PreChat, type PreChatAnswer, type Site, type Visitor } from '@cascade/shared';
import { z } from 'zod';
import type { VisitorStore } from '../store/visitors.ts';

const Email = z.email().max(254);
/** What the widget's phone field lets through (its `pattern`): digits, spaces, ( ) . - and a leading +. */
const PHONE = /^\+?[\d ().-]{5,30}$/;

/** Whether the site has anything to ask this visitor: never an identified one, never twice. */
export function preChatDone(site: Pick<Site, 'preChat'>, visitor: Visitor): boolean {
  return !site.preChat || visitor.verified || visitor.preChat !== undefined;
}

/**
 * Whether asking for a person must wait for the site's form: it comes "before a person", and
 * this visitor has not answered it. The bot's own handoff waits too, or a free agent would
 * claim the chat before the form was ever shown.
 */
export function holdsHandoff(site: Pick<Site, 'preChat'>, visitor: Visitor): boolean {
  return site.preChat?.when === 'before_person' && !preChatDone(site, visitor);
}

/**
 * Checks the answers against the site's fields: required ones given, emails and phones that
 * look like them, a choice among the site's. The answers as stored, each with its label in the
 * visitor's language (what they read, and what the agent is shown).
 */
export function checkPreChat(form: PreChat, answers: Record<string, string>, locale: Locale): PreChatAnswer[] {
  const unknown = Object.keys(answers).find((id) => !form.fields.some((f) => f.id === id));
  if (unknown) throw new CascadeError('invalid_payload', `no pre-chat field "${unknown}"`);
  return form.fields.flatMap((f) => {
    const value = answers[f.id]?.trim() ?? '';
    const label = f.label[locale] ?? Object.values(f.label)[0] ?? f.id;
    if (!value) {
      if (f.required) throw new CascadeError('invalid_payload', `"${label}" is required`);
      return [];
    }
    const fits =
      (f.kind === 'email' && Email.safeParse(value).success) ||
      (f.kind === 'phone' && PHONE.test(value)) ||
      (f.kind === 'choice' && (f.options ?? []).includes(value)) ||
      ((f.kind === 'name' || f.kind === 'text') && value.length <= (f.kind === 'name' ? 100 : 500));
    if (!fits) throw new CascadeError('invalid_payload', `"${label}" is not valid`);
    return [{ field: f.id, kind: f.kind, label, value }];
  });
}

export type PreChatDeps = { visitors: VisitorStore };

/**
 * Stores the visitor's answers once. A name or email they give becomes theirs (for the ticket
 * and the transcript) unless a verified identity already says who they are.
 */
export async function submitPreChat(
  d: PreChatDeps,
  site: Site,
  visitor: Visitor,
  answers: Record<string, string>,
): Promise<Visitor> {
  if (!site.preChat) throw new CascadeError('invalid_state', 'this site has no pre-chat form');
  if (preChatDone(site, visitor)) throw new CascadeError('invalid_state', 'the pre-chat form was answered already');
  const given = checkPreChat(site.preChat, answers, visitor.locale);
  const of = (kind: PreChatAnswer['kind']) => given.find((a) => a.kind === kind)?.value;
  const patch = {
    preChat: given,
    ...(visitor.verified ? {} : { name: of('name') ?? visitor.name, email: of('email') ?? visitor.email }),
  };
  await d.visitors.update(site.id, visitor.id, patch);
  return { ...visitor, ...patch };
}
