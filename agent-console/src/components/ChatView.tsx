import { seenMark } from '@cascade/client-core';
import type { CannedReply, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useUploads } from '../hooks/use-uploads.ts';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { visitorLabel } from '../i18n/describe.ts';
import type { ChatState } from '../state/chat-state.ts';
import type { ConsoleController } from '../state/controller.ts';
import { isActive } from '../state/console-state.ts';
import { Composer } from './Composer.tsx';
import { cannedValues, type CannedValues } from '../logic/canned.ts';
import { locales } from '../i18n/locales.ts';
import { FollowUpDialog } from './FollowUpDialog.tsx';
import { MessageList } from './MessageList.tsx';
import { TransferDialog } from './TransferDialog.tsx';
import { ViewersNote } from './ViewersNote.tsx';
import { useViewers } from '../hooks/use-viewers.ts';
import type { Connection } from '../state/console-state.ts';
import { UploadTray } from './UploadTray.tsx';

interface Props {
  me: Me;
  chat: ChatState;
  /** Skills seen in the waiting lines, offered as transfer targets. */
  seenSkills: readonly string[];
  controller: ConsoleController;
  /** The site's canned replies, offered by `/shortcut` in the composer. */
  canned: readonly CannedReply[];
  draft: string;
  onDraft: (conversationId: string, text: string) => void;
  onSent: (conversationId: string) => void;
  contextOpen: boolean;
  onToggleContext: () => void;
  connection: Connection;
}

type OpenDialog = 'followup' | 'transfer' | null;

export function ChatView({
  me,
  chat,
  seenSkills,
  controller,
  canned,
  draft,
  onDraft,
  onSent,
  contextOpen,
  onToggleContext,
  connection,
}: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [resolving, setResolving] = useState(false);
  const { conversation, visitor } = chat.summary;
  const id = conversation.id;
  const name = visitorLabel(t, visitor);
  const active = isActive(chat);
  const viewers = useViewers(id, me.agent.id, controller, connection);
  const filesPath = `/api/conversations/${encodeURIComponent(id)}/files`;
  const { batches, uploader } = useUploads(filesPath, me.csrfToken, (clientMsgId, attachments) =>
    controller.send(id, '', false, attachments, clientMsgId),
  );
  const attach = (files: FileList | null | undefined) => uploader.add([...(files ?? [])]);

  const resolve = async () => {
    setResolving(true);
    await controller.resolve(id);
    setResolving(false);
  };

  return (
    <div
      class="chat-view"
      // Files dropped anywhere on an open chat are attached to it.
      onDragOver={(e) => active && e.preventDefault()}
      onDrop={(e) => {
        if (!active) return;
        e.preventDefault();
        attach(e.dataTransfer?.files);
      }}
    >
      <header class="chat-header">
        <div class="chat-title">
          <h2>{name}</h2>
          <span class="muted small">
            {t.t('inbox.skillLevel', {
              skill: skillName(conversation.skill, conversation.siteId),
              level: conversation.level,
            })}
            {' · '}
            {t.t(`state.${conversation.state}`)}
          </span>
          {conversation.subject && (
            <span class="chat-subject small" dir="auto">
              {conversation.subject}
            </span>
          )}
        </div>
        <div class="chat-actions" role="group" aria-label={t.t('actions.label')}>
          {active ? (
            <>
              <button type="button" class="button success" disabled={resolving} onClick={resolve}>
                {t.t('actions.resolve')}
              </button>
              <button type="button" class="button" onClick={() => setDialog('followup')}>
                {t.t('actions.followup')}
              </button>
              <button type="button" class="button" onClick={() => setDialog('transfer')}>
                {t.t('actions.transfer')}
              </button>
            </>
          ) : (
            <button type="button" class="button" onClick={() => controller.close(id)}>
              {t.t('chat.close')}
            </button>
          )}
          <button
            type="button"
            class="button quiet context-toggle"
            aria-expanded={contextOpen}
            aria-controls="context-panel"
            onClick={onToggleContext}
          >
            {t.t('chat.context')}
          </button>
        </div>
      </header>
      <ViewersNote viewers={viewers} />

      <MessageList
        me={me}
        messages={chat.messages}
        outbox={chat.outbox}
        seenId={seenMark(chat.messages, conversation.seenByVisitor, (m) => m.author === 'agent' && !m.internal)}
        loading={chat.context === null}
        label={t.t('chat.transcript', { name })}
        onRetry={(clientMsgId) => controller.retry(id, clientMsgId)}
        onDiscard={(clientMsgId) => controller.discard(id, clientMsgId)}
      />

      <p class="typing-line" aria-live="polite">
        {chat.visitorTyping ? t.t('chat.typing', { name }) : ''}
      </p>

      {active && (
        <UploadTray batches={batches} onRetry={(id) => uploader.retry(id)} onCancel={(id) => uploader.cancel(id)} />
      )}

      {active ? (
        <Composer
          conversationId={id}
          locale={conversation.locale}
          canned={canned}
          values={chatValues(me, chat)}
          draft={draft}
          onDraft={(text) => onDraft(id, text)}
          onTyping={(text) => controller.typing(id, text)}
          onSend={(text, internal) => {
            controller.send(id, text, internal);
            onSent(id);
          }}
          onFiles={(files) => uploader.add(files)}
        />
      ) : (
        <p class="closed-banner" role="status">
          {closedText(t, chat)}
        </p>
      )}

      {dialog === 'followup' && (
        <FollowUpDialog
          noContact={!visitor.email && !conversation.visitorEmail}
          onClose={() => setDialog(null)}
          onSubmit={(note) => controller.followUp(id, note)}
        />
      )}
      {dialog === 'transfer' && (
        <TransferDialog
          me={me}
          conversation={conversation}
          seenSkills={seenSkills}
          onClose={() => setDialog(null)}
          onSubmit={(input) => controller.transfer(id, input)}
        />
      )}
    </div>
  );
}

/** What canned replies' variables become in this chat; what is unknown, in the chat's own language. */
function chatValues(me: Me, chat: ChatState): CannedValues {
  const { conversation, visitor } = chat.summary;
  const ticket = chat.ticket?.number ?? conversation.ticketNumber;
  return cannedValues(
    {
      'visitor.name': visitor.name,
      'visitor.email': visitor.email ?? conversation.visitorEmail,
      'agent.name': me.agent.name,
      'ticket.number': ticket === null ? null : String(ticket),
      'site.name': me.sites.find((s) => s.id === conversation.siteId)?.name ?? null,
    },
    (variable) => locales[conversation.locale].strings[`canned.fallback.${variable}`],
  );
}

function closedText(t: ReturnType<typeof useT>, chat: ChatState): string {
  const { state, ticketNumber } = chat.summary.conversation;
  if (state === 'resolved') return t.t('chat.closed.resolved');
  if (state === 'abandoned') return t.t('chat.closed.abandoned');
  if (state === 'ticketed') {
    const number = chat.ticket?.number ?? ticketNumber;
    return number ? t.t('chat.closed.ticketed', { number }) : t.t('chat.closed.ticketedNoNumber');
  }
  return t.t('chat.closed.other');
}
