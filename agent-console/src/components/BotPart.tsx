import { useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import type { TranscriptItem } from '../logic/transcript.ts';
import { MessageItem } from './MessageItem.tsx';

interface Props {
  items: readonly TranscriptItem[];
  count: number;
  startsOpen: boolean;
  myId: string;
}

/** The visitor ↔ bot exchange folded into one line, a click away from the full text. */
export function BotPart({ items, count, startsOpen, myId }: Props) {
  const t = useT();
  const [open, setOpen] = useState(startsOpen);
  const listId = `bot-part-${items[0]?.message.id ?? ''}`;
  return (
    <li class="bot-part">
      <button
        type="button"
        class="bot-part-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span class="bot-part-mark" aria-hidden="true">
          ▸
        </span>
        {t.t('chat.botPart', { n: count })}
      </button>
      {open && (
        <ol class="messages" id={listId}>
          {items.map((item) => (
            <MessageItem key={item.message.id} item={item} myId={myId} />
          ))}
        </ol>
      )}
    </li>
  );
}
