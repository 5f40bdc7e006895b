import type { TicketSummary } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useRequest } from '../hooks/use-request.ts';
import { useT } from '../i18n/context.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';

interface Props {
  /** The visitor left no address: the ticket will have none, and the agent is told so first. */
  noContact: boolean;
  onClose: () => void;
  onSubmit: (note: string) => Promise<TicketSummary>;
}

/** "Needs follow-up": a short note, then the chat becomes a ticket whose number the chat shows. */
export function FollowUpDialog({ noContact, onClose, onSubmit }: Props) {
  const t = useT();
  const [note, setNote] = useState('');
  const { busy, error, run } = useRequest();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run(() => onSubmit(note.trim()))) onClose();
  };

  return (
    <Dialog title={t.t('followup.title')} titleId="followup-title" onClose={onClose}>
      <form class="dialog-form" onSubmit={submit}>
        <p class="muted">{t.t('followup.explain')}</p>
        {noContact && <p class="warning-text">{t.t('followup.noContact')}</p>}
        <label class="field">
          <span>{t.t('followup.note')}</span>
          <textarea rows={4} maxLength={1000} dir="auto" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <DialogFooter error={error} busy={busy} submitLabel={t.t('followup.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
