import type { Locale, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { setMyLanguages } from '../api/auth.ts';
import { useRequest } from '../hooks/use-request.ts';
import { useT } from '../i18n/context.ts';
import { localeList } from '../i18n/locales.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';

/** The languages the agent answers chats in: visitors writing in one of them are offered to them first. */
export function LanguagesDialog({ me, onClose, onSaved }: { me: Me; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<Locale[]>(() => [
    ...new Set(me.agent.memberships.flatMap((m) => m.languages ?? [])),
  ]);
  const { busy, error, run } = useRequest();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run(() => setMyLanguages(chosen, me.csrfToken))) onSaved();
  };

  return (
    <Dialog title={t.t('myLanguages.title')} titleId="my-languages-title" onClose={onClose}>
      <form class="dialog-form" onSubmit={submit}>
        <fieldset class="skills-grid">
          <legend>{t.t('myLanguages.legend')}</legend>
          {localeList.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={chosen.includes(l)}
                onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, l] : chosen.filter((x) => x !== l))}
              />
              <span>{t.t(`locale.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        <p class="muted small">{t.t('myLanguages.hint')}</p>
        <DialogFooter error={error} busy={busy} submitLabel={t.t('myLanguages.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
