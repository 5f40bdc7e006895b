import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { actionableBotMessage, canAskForHuman } from '../../timeline.ts';
import { useChat } from '../context.ts';
import { CloseIcon, SendIcon } from './Icons.tsx';

const TYPING_IDLE_MS = 3_000;
// Copied from @cascade/shared (MAX_MESSAGE_LENGTH): importing it would bundle zod.
const MAX_LENGTH = 4000;

/** The text box, the send button, and "Talk to a person" whenever no person is on the way yet. */
export function Composer({ inputRef }: { inputRef: Ref<HTMLTextAreaElement> }) {
  const { state, t, conn, attempt, attach } = useChat();
  const [text, setText] = useState('');
  const typing = useRef<{ on: boolean; timer?: ReturnType<typeof setTimeout> }>({ on: false });
  const blocked = state.link === 'blocked';
  const offerHuman = canAskForHuman(state.conversation) && !actionableBotMessage(state) && !state.wantHuman;

  function stopTyping(): void {
    clearTimeout(typing.current.timer);
    if (!typing.current.on) return;
    typing.current.on = false;
    conn.typing(false);
  }

  function onInput(el: HTMLTextAreaElement): void {
    setText(el.value);
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
    if (!typing.current.on) {
      typing.current.on = true;
      conn.typing(true);
    }
    clearTimeout(typing.current.timer);
    typing.current.timer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function submit(form: HTMLFormElement): void {
    const value = text.trim();
    if (!value) return;
    conn.send(value);
    setText('');
    stopTyping();
    const area = form.querySelector('textarea');
    if (area) area.style.height = 'auto';
  }

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {offerHuman && (
        <button type="button" class="chip human" onClick={() => void attempt(conn.escalate())}>
          {t('human.ask')}
        </button>
      )}
      <div class="field">
        <label class="icon clip">
          <input
            type="file"
            class="sr"
            multiple
            aria-label={t('composer.attach')}
            disabled={blocked}
            onChange={(e) => {
              attach(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <CloseIcon />
        </label>
        <textarea
          ref={inputRef}
          rows={1}
          // Empty, it takes the panel's direction so the placeholder reads right; text sets its own.
          dir={text ? 'auto' : undefined}
          aria-label={t('composer.placeholder')}
          placeholder={t('composer.placeholder')}
          maxLength={MAX_LENGTH}
          disabled={blocked}
          value={text}
          onInput={(e) => onInput(e.currentTarget)}
          // A screenshot pasted from the clipboard arrives as a file; text copied from an office
          // program may carry a picture of itself too, and then the text is what was meant.
          onPaste={(e) => e.clipboardData?.getData('text') || attach(e.clipboardData?.files)}
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter is a new line, and an IME composing a word keeps its Enter.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.currentTarget.form) {
              e.preventDefault();
              submit(e.currentTarget.form);
            }
          }}
        />
        <button type="submit" class="send" aria-label={t('composer.send')} disabled={blocked || !text.trim()}>
          <SendIcon />
        </button>
      </div>
    </form>
  );
}
