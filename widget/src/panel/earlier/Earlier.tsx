import type { EarlierConversation, VisitorMessage as Message } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { formatOpening } from '../../i18n/format.ts';
import { MessageRow } from '../components/MessageRow.tsx';
import { useChat } from '../context.ts';
import { earlierStrings } from './strings.ts';

type Open = { conversation: EarlierConversation; messages: Message[] };

/**
 * A returning visitor's earlier conversations, read-only: the list (when each began and its
 * first line), then one transcript. A lazy chunk, loaded the first time the view is opened.
 */
export function Earlier({ back }: { back: () => void }) {
  const { conn, locale, t } = useChat();
  const s = earlierStrings[locale];
  const [list, setList] = useState<EarlierConversation[] | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void conn.request('earlier:list', {}).then((reply) => {
      if (reply.ok) setList(reply.conversations);
      else setFailed(true);
    });
  }, [conn]);

  async function show(conversation: EarlierConversation): Promise<void> {
    const reply = await conn.request('earlier:open', { conversationId: conversation.id });
    setFailed(!reply.ok);
    if (reply.ok) setOpen({ conversation, messages: reply.messages });
  }

  return (
    <div class="body earlier">
      <h3>{open ? formatOpening(locale, open.conversation.startedAt) : t('earlier.open')}</h3>
      <button type="button" class="chip" onClick={open ? () => setOpen(null) : back}>
        {open ? s.list : s.back}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t('error.generic')}
        </p>
      )}
      {open ? (
        <div class="log" role="log">
          {open.messages.map((m, i) => (
            <MessageRow
              key={m.id}
              message={m}
              showAuthor={open.messages[i - 1]?.author !== m.author}
              actionable={false}
            />
          ))}
        </div>
      ) : (
        list && (
          <ul>
            {list.length === 0 && <li>{s.none}</li>}
            {list.map((c) => (
              <li key={c.id}>
                <button type="button" class="chip" onClick={() => void show(c)}>
                  <span>{formatOpening(locale, c.startedAt)}</span>
                  <bdi>{c.firstLine || s.empty}</bdi>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
