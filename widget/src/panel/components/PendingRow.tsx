import type { OutboxItem } from '../../outbox.ts';
import { useChat } from '../context.ts';
import { Attached } from './Attached.tsx';
import { RichText } from './RichText.tsx';

/** A message shown the moment it is written, marked until the server has stored it. */
export function PendingRow({ item }: { item: OutboxItem }) {
  const { t, conn } = useChat();
  return (
    <div class="row me pending">
      {item.text && (
        <div class="bubble">
          <RichText text={item.text} />
        </div>
      )}
      <Attached list={item.attachments} />
      <span class="meta">
        {item.failed ? (
          <>
            {t('msg.failed')}
            <button type="button" class="link" onClick={() => conn.retry(item.clientMsgId)}>
              {t('msg.retry')}
            </button>
          </>
        ) : (
          <>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4.5V8l2.5 1.5"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
              />
            </svg>
            <span class="sr">{t('msg.pending')}</span>
          </>
        )}
      </span>
    </div>
  );
}
