import type { Agent, Me, Ticket, TicketStatus, TicketUpdate } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { updateTicket } from '../api/tickets.ts';
import { useT } from '../i18n/context.ts';
import { assigneeChoices, canAssignOthers } from '../logic/assignees.ts';
import { ticketStatuses } from '@cascade/shared/constants';

interface Props {
  me: Me;
  ticket: Ticket;
  /** The site's agents, or null when the viewer may not list them. */
  agents: readonly Agent[] | null;
  onChanged: () => void;
}

/** Status and assignee of a ticket; only what changed is sent. */
export function TicketActions({ me, ticket, agents, onChanged }: Props) {
  const t = useT();
  const [status, setStatus] = useState<TicketStatus>(ticket.status);
  const [assignee, setAssignee] = useState(ticket.assigneeId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = assigneeChoices(me, ticket.assigneeId, agents);
  const others = canAssignOthers(me, ticket.siteId);

  const save = async (update: TicketUpdate) => {
    setBusy(true);
    setError(null);
    try {
      await updateTicket(ticket.id, update, me.csrfToken);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const update: TicketUpdate = {};
  if (status !== ticket.status) update.status = status;
  if (assignee !== (ticket.assigneeId ?? '')) update.assigneeId = assignee || null;
  const changed = update.status !== undefined || update.assigneeId !== undefined;

  return (
    <section class="ticket-section" aria-labelledby="ticket-actions-title">
      <h2 id="ticket-actions-title">{t.t('ticketActions.title')}</h2>
      <form
        class="ticket-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) void save(update);
        }}
      >
        <label class="field">
          <span>{t.t('tickets.status')}</span>
          <select
            value={status}
            onChange={(e) => setStatus(ticketStatuses.find((s) => s === e.currentTarget.value) ?? ticket.status)}
          >
            {ticketStatuses.map((s) => (
              <option key={s} value={s}>
                {t.t(`ticketStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t.t('tickets.assignee')}</span>
          <select value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">{t.t('tickets.unassigned')}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id === me.agent.id
                  ? t.t('tickets.me', { name: me.agent.name })
                  : (c.name ?? t.t('tickets.otherAgent'))}
              </option>
            ))}
          </select>
        </label>
        <div class="ticket-actions-buttons">
          <button type="submit" class="button primary" disabled={busy || !changed}>
            {t.t('ticketActions.save')}
          </button>
          {!others && ticket.assigneeId !== me.agent.id && (
            <button type="button" class="button" disabled={busy} onClick={() => void save({ assigneeId: me.agent.id })}>
              {t.t('ticketActions.assignMe')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {t.t('ticketActions.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
