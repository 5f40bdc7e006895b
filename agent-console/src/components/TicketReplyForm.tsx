import type { AttachmentLink, Me, Ticket } from '@cascade/shared';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '@cascade/shared/constants';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { replyByEmail } from '../api/tickets.ts';
import { useUploads } from '../hooks/use-uploads.ts';
import { useT } from '../i18n/context.ts';
import { AttachButton } from './AttachButton.tsx';
import { UploadTray } from './UploadTray.tsx';

interface Props {
  me: Me;
  ticket: Ticket;
  onSent: () => void;
}

/**
 * "Reply by email": the server mails the visitor and writes the reply into the history. Files
 * are uploaded to the ticket as they are picked, and go with the reply as links.
 */
export function TicketReplyForm({ me, ticket, onSent }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const email = ticket.visitor.email;
  const [files, setFiles] = useState<AttachmentLink[]>([]);
  const filesPath = `/api/tickets/${encodeURIComponent(ticket.id)}/files`;
  const { batches, uploader } = useUploads(filesPath, me.csrfToken, (_batchId, stored) =>
    setFiles((held) => [...held, ...stored].slice(0, MAX_ATTACHMENTS_PER_MESSAGE)),
  );
  const uploading = batches.length > 0;

  const send = async () => {
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      const attachments = files.map((f) => f.id);
      const reply = attachments.length > 0 ? { text, attachments } : { text };
      const { delivery } = await replyByEmail(ticket.id, reply, me.csrfToken);
      setText('');
      setFiles([]);
      setSentTo(delivery.target);
      onSent();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_state') setError(t.t('reply.noEmail'));
      else setError(t.t('reply.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ticket-section" aria-labelledby="ticket-reply-title">
      <h2 id="ticket-reply-title">{t.t('reply.title')}</h2>
      {email ? (
        <form
          class="ticket-reply"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send();
          }}
        >
          <label class="field">
            <span>
              {t.t('reply.label')} <span dir="ltr">{email}</span>
            </span>
            <textarea
              dir="auto"
              rows={4}
              maxLength={4000}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <AttachButton onFiles={(picked) => uploader.add(picked)} />
          <UploadTray batches={batches} onRetry={(id) => uploader.retry(id)} onCancel={(id) => uploader.cancel(id)} />
          {files.length > 0 && (
            <ul class="upload-tray">
              {files.map((f) => (
                <li key={f.id} class="upload-item">
                  <span class="attachment-name" dir="auto">
                    {f.name}
                  </span>
                  <button
                    type="button"
                    class="button quiet small"
                    onClick={() => setFiles((held) => held.filter((h) => h.id !== f.id))}
                  >
                    {t.t('files.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="submit" class="button primary" disabled={busy || uploading || !text.trim()}>
            {busy ? t.t('reply.sending') : t.t('reply.send')}
          </button>
        </form>
      ) : (
        <p class="muted">{t.t('reply.noEmail')}</p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {sentTo && (
        <p class="muted" role="status">
          {t.t('reply.queued')} <span dir="ltr">{sentTo}</span>
        </p>
      )}
    </section>
  );
}
