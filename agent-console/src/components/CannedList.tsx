import type { CannedReply } from '@cascade/shared';
import { useT } from '../i18n/context.ts';

interface Props {
  id: string;
  replies: readonly CannedReply[];
  active: number;
  onChoose: (reply: CannedReply) => void;
}

/** The canned replies matching the `/shortcut` being typed; the composer's keys move through them. */
export function CannedList({ id, replies, active, onChoose }: Props) {
  const t = useT();
  return (
    <ul class="canned-list" role="listbox" id={id} aria-label={t.t('canned.list')}>
      {replies.map((reply, i) => (
        <li
          key={reply.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          class="canned-option"
          // mousedown, not click: the textarea keeps its focus and its caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(reply);
          }}
        >
          <span class="canned-shortcut" dir="ltr">
            /{reply.shortcut}
          </span>
          <span class="tag lang-tag">{reply.language}</span>
          <span class="canned-text" dir="auto">
            {reply.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
