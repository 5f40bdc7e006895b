import type { BotDecision, KbEntry, Locale } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { tryBot } from '../../api/kb.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { entryTitle } from '../../logic/kb-form.ts';
import { RichText } from '../RichText.tsx';
import { LocaleSelect } from '../LocaleSelect.tsx';
import { useRequest } from '../../hooks/use-request.ts';

interface Props {
  siteId: string;
  csrf: string;
  entries: readonly KbEntry[];
  onOpen: (entryId: string) => void;
}

/** Ask the bot as a visitor would and see what it decides and how sure it is, before visitors do. */
export function TryBot({ siteId, csrf, entries, onOpen }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [text, setText] = useState('');
  const [locale, setLocale] = useState<Locale>(t.locale);
  const [decision, setDecision] = useState<BotDecision | null>(null);
  const { busy, error, run: request } = useRequest();

  const ask = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    await request(async () => {
      setDecision(await tryBot(siteId, text.trim(), locale, csrf));
    });
  };

  const entryLink = (entryId: string, label?: string) => {
    const entry = entries.find((e) => e.id === entryId);
    return (
      <button type="button" class="link-button" dir="auto" onClick={() => onOpen(entryId)}>
        {label ?? (entry ? entryTitle(entry, t.locale) : entryId)}
      </button>
    );
  };

  return (
    <section class="panel" aria-labelledby="try-title">
      <h2 id="try-title">{t.t('try.title')}</h2>
      <form class="try-form" onSubmit={ask}>
        <label class="field grow">
          <span>{t.t('try.text')}</span>
          <input type="text" dir="auto" maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.t('try.locale')}</span>
          <LocaleSelect value={locale} onChange={setLocale} />
        </label>
        <button type="submit" class="button" disabled={busy || !text.trim()}>
          {t.t('try.ask')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="try-result" role="status" aria-label={t.t('try.result')}>
        {decision && (
          <>
            <p class="try-head">
              <span class={`tag decision-${decision.kind}`}>{t.t(`decision.${decision.kind}`)}</span>
              <span>{t.t('try.confidence', { value: t.percent(decision.confidence) })}</span>
              {decision.kind !== 'smalltalk' && (
                <span class="muted">{t.t('try.skill', { skill: skillName(decision.skill, siteId) })}</span>
              )}
            </p>
            {decision.kind === 'answer' && (
              <>
                <p class="try-entry">
                  {t.t('try.fromEntry')} {entryLink(decision.entryId)}
                </p>
                <p class="try-answer" dir="auto">
                  <RichText text={decision.text} />
                </p>
              </>
            )}
            {decision.kind === 'suggest' && (
              <ol class="plain-list">
                {decision.suggestions.map((s) => (
                  <li key={s.entryId}>{entryLink(s.entryId, s.question)}</li>
                ))}
              </ol>
            )}
            {decision.kind === 'escalate' && <p>{t.t(`escalateReason.${decision.reason}`)}</p>}
            {decision.kind === 'smalltalk' && <p>{t.t(`smalltalk.${decision.intent}`)}</p>}
          </>
        )}
      </div>
    </section>
  );
}
