import { PreChat, type Locale, type PreChatField } from '@cascade/shared';
import { localeList } from '../i18n/locales.ts';

/** One question of the pre-chat form as the inputs hold it: a label per language, choices as lines. */
export interface PreChatRow {
  /** Kept across edits: the visitor's answers are keyed by it. */
  id: string;
  kind: PreChatField['kind'];
  required: boolean;
  label: Record<Locale, string>;
  options: string;
}

export interface PreChatForm {
  on: boolean;
  when: PreChat['when'];
  fields: PreChatRow[];
}

const noLabels = (): Record<Locale, string> => ({ en: '', ar: '', fa: '' });

export function preChatForm(preChat: PreChat | null | undefined): PreChatForm {
  return {
    on: Boolean(preChat),
    when: preChat?.when ?? 'first_message',
    fields: (preChat?.fields ?? []).map((f) => ({
      id: f.id,
      kind: f.kind,
      required: f.required,
      label: { ...noLabels(), ...f.label },
      options: (f.options ?? []).join('\n'),
    })),
  };
}

/** A new question (asking for a name until changed), with an id no other question of the form has. */
export function newPreChatRow(form: PreChatForm): PreChatRow {
  const taken = new Set(form.fields.map((f) => f.id));
  let n = 1;
  while (taken.has(`field_${n}`)) n++;
  return { id: `field_${n}`, kind: 'name', required: false, label: noLabels(), options: '' };
}

/** The form as the site stores it; null when it is off, undefined when it does not hold together. */
export function readPreChat(form: PreChatForm): PreChat | null | undefined {
  if (!form.on) return null;
  const parsed = PreChat.safeParse({
    when: form.when,
    fields: form.fields.map((f) => {
      const label = Object.fromEntries(localeList.flatMap((l) => (f.label[l].trim() ? [[l, f.label[l].trim()]] : [])));
      const options = f.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      return { id: f.id, kind: f.kind, required: f.required, label, ...(f.kind === 'choice' ? { options } : {}) };
    }),
  });
  return parsed.success ? parsed.data : undefined;
}
