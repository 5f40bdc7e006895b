import { Tag } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { addTag, removeTag } from '../../api/history.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/context.ts';

interface Props {
  conversationId: string;
  tags: readonly string[];
  csrf: string;
  onTags: (tags: string[]) => void;
}

/** A past conversation's tags: each removable, and a box to add one as agents type them. */
export function TagEditor({ conversationId, tags, csrf, onTags }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const request = useRequest();
  const { busy, error, setError } = request;

  const run = (change: () => Promise<string[]>) =>
    request.run(async () => {
      onTags(await change());
    });

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = Tag.safeParse(typed);
    if (!parsed.success) {
      setError(t.t('tags.bad'));
      return;
    }
    if (await run(() => addTag(conversationId, parsed.data, csrf))) setTyped('');
  };

  return (
    <section class="ticket-section" aria-labelledby="tags-title">
      <h2 id="tags-title">{t.t('tags.title')}</h2>
      {tags.length === 0 ? (
        <p class="muted">{t.t('tags.none')}</p>
      ) : (
        <ul class="tag-list">
          {tags.map((tag) => (
            <li key={tag} class="tag removable">
              <span dir="auto">{tag}</span>
              <button
                type="button"
                class="tag-remove"
                disabled={busy}
                aria-label={t.t('tags.removeNamed', { tag })}
                title={t.t('tags.removeNamed', { tag })}
                onClick={() => void run(() => removeTag(conversationId, tag, csrf))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-group" onSubmit={add}>
        <label class="field grow">
          <span>{t.t('tags.new')}</span>
          <input dir="auto" maxLength={40} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={busy}>
          {t.t('tags.add')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
