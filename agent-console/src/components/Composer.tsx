import type { CannedReply, Locale } from '@cascade/shared';
import { MAX_MESSAGE_LENGTH } from '@cascade/shared/constants';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { cannedMatches, fillCanned, insertCanned, slashToken, type CannedValues } from '../logic/canned.ts';
import { AttachButton } from './AttachButton.tsx';
import { CannedList } from './CannedList.tsx';

interface Props {
  conversationId: string;
  /** The chat's language: its canned replies are offered first. */
  locale: Locale;
  canned: readonly CannedReply[];
  /** What `{{visitor.name}}` and the other variables of a canned reply become in this chat. */
  values: CannedValues;
  draft: string;
  onDraft: (text: string) => void;
  /** Edits of a reply (never of an internal note) that the visitor may see as "typing". */
  onTyping: (text: string) => void;
  onSend: (text: string, internal: boolean) => void;
  /** Files picked or pasted, to upload and send as a message of their own. */
  onFiles: (files: File[]) => void;
}

export function Composer({ conversationId, locale, canned, values, draft, onDraft, onTyping, onSend, onFiles }: Props) {
  const t = useT();
  const [internal, setInternal] = useState(false);
  const [caret, setCaret] = useState(draft.length);
  const [active, setActive] = useState(0);
  /** The `/shortcut` the agent closed the list for with Escape. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const placeCaret = useRef<number | null>(null);
  const inputId = `composer-${conversationId}`;
  const listId = `canned-${conversationId}`;

  const token = slashToken(draft, caret);
  const matches = token && token.start !== dismissedAt ? cannedMatches(canned, token.query, locale) : [];
  const open = matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  // After a canned reply goes in, the caret goes to its end (the value is set by the render).
  useLayoutEffect(() => {
    const el = textarea.current;
    if (el && placeCaret.current !== null) {
      el.setSelectionRange(placeCaret.current, placeCaret.current);
      placeCaret.current = null;
    }
  });

  const edit = (text: string) => {
    onDraft(text);
    if (!internal) onTyping(text);
  };

  const choose = (reply: CannedReply) => {
    if (!token) return;
    const next = insertCanned(draft, token, fillCanned(reply.text, values));
    placeCaret.current = next.caret;
    setCaret(next.caret);
    edit(next.text);
    textarea.current?.focus();
  };

  const submit = () => {
    // A variable typed by hand is filled too: the visitor never reads `{{visitor.name}}`.
    const text = fillCanned(draft, values).trim();
    if (!text) return;
    onSend(text, internal);
    setCaret(0);
    // A note is one message: the next one is a reply again unless the agent ticks it anew.
    setInternal(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Enter while an input method is composing (Persian, Arabic, CJK) confirms the word, not the message.
    if (e.isComposing) return;
    if (open) {
      const pick = matches[current];
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((current + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && pick) {
        e.preventDefault();
        choose(pick);
        return;
      }
      if (e.key === 'Escape' && token) {
        e.preventDefault();
        setDismissedAt(token.start);
        return;
      }
    }
    if (e.key !== 'Enter' || e.shiftKey) return;
    e.preventDefault();
    submit();
  };

  return (
    <form
      class={`composer${internal ? ' note-mode' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {open && <CannedList id={listId} replies={matches} active={current} onChoose={choose} />}
      <label for={inputId} class="visually-hidden">
        {t.t('composer.label')}
      </label>
      <textarea
        ref={textarea}
        id={inputId}
        rows={3}
        // Empty, it takes the page's direction so the placeholder's punctuation sits right in Arabic and Persian.
        dir={draft ? 'auto' : undefined}
        maxLength={MAX_MESSAGE_LENGTH}
        placeholder={internal ? t.t('composer.notePlaceholder') : t.t('composer.placeholder')}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        value={draft}
        onInput={(e) => {
          setCaret(e.currentTarget.selectionStart);
          setActive(0);
          edit(e.currentTarget.value);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        // A screenshot pasted from the clipboard arrives as a file; text copied from an office
        // program may carry a picture of itself too, and then the text is what was meant.
        onPaste={(e) => {
          if (!e.clipboardData?.getData('text')) onFiles([...(e.clipboardData?.files ?? [])]);
        }}
        onKeyDown={onKeyDown}
      />
      <div class="composer-bar">
        <label class="check">
          <input
            type="checkbox"
            checked={internal}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setInternal(on);
              // Switching to a note ends any "typing" the visitor was shown.
              if (on) onTyping('');
            }}
          />
          {t.t('composer.internal')}
        </label>
        <AttachButton onFiles={onFiles} />
        {canned.length > 0 && <span class="muted small">{t.t('composer.cannedHint')}</span>}
        <button type="submit" class="button primary" disabled={draft.trim() === ''}>
          {t.t('composer.send')}
        </button>
      </div>
    </form>
  );
}
