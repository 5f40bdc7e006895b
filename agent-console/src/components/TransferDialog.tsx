import type { Conversation, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useRequest } from '../hooks/use-request.ts';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { transferSkills } from '../logic/pickable.ts';
import type { TransferInput } from '../state/controller.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';

interface Props {
  me: Me;
  conversation: Conversation;
  seenSkills: readonly string[];
  onClose: () => void;
  onSubmit: (input: TransferInput) => Promise<void>;
}

const levels = [1, 2, 3] as const;

/** Transfer once, with a note: by default one level up, same skill. */
export function TransferDialog({ me, conversation, seenSkills, onClose, onSubmit }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [level, setLevel] = useState(conversation.level < 3 ? String(conversation.level + 1) : '');
  const [skill, setSkill] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useRequest();
  const transferredBefore = conversation.transfers > 0;
  const skills = transferSkills(me.agent, conversation, seenSkills).filter((s) => s !== conversation.skill);

  const submit = async (event: Event) => {
    event.preventDefault();
    const input: TransferInput = { note: note.trim() };
    const chosenLevel = levels.find((l) => String(l) === level);
    if (chosenLevel) input.level = chosenLevel;
    if (skill) input.skill = skill;
    if (transferredBefore) input.reason = reason.trim();
    if (await run(() => onSubmit(input))) onClose();
  };

  return (
    <Dialog title={t.t('transfer.title')} titleId="transfer-title" onClose={onClose}>
      <form class="dialog-form" onSubmit={submit}>
        <p class="muted">{t.t('transfer.explain')}</p>
        {conversation.subject && (
          <p>
            {t.t('transfer.subject')} <q dir="auto">{conversation.subject}</q>
          </p>
        )}
        <div class="field-row">
          <label class="field">
            <span>{t.t('transfer.level')}</span>
            <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
              <option value="">{t.t('transfer.keepLevel', { level: conversation.level })}</option>
              {levels
                .filter((l) => l !== conversation.level)
                .map((l) => (
                  <option key={l} value={String(l)}>
                    {t.t('transfer.levelN', { level: l })}
                  </option>
                ))}
            </select>
          </label>
          <label class="field">
            <span>{t.t('transfer.skill')}</span>
            <select value={skill} onChange={(e) => setSkill(e.currentTarget.value)}>
              <option value="">
                {t.t('transfer.keepSkill', { skill: skillName(conversation.skill, conversation.siteId) })}
              </option>
              {skills.map((s) => (
                <option key={s} value={s}>
                  {skillName(s, conversation.siteId)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          <span>{t.t('transfer.note')}</span>
          <textarea
            rows={4}
            maxLength={1000}
            dir="auto"
            required
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        {transferredBefore && (
          <label class="field">
            <span>{t.t('transfer.reason')}</span>
            <input
              type="text"
              maxLength={500}
              dir="auto"
              required
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
        )}
        <DialogFooter error={error} busy={busy} submitLabel={t.t('transfer.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
