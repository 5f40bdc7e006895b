import type { KbEntry, MissedGroup } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { addPhrasing, listMissed } from '../../api/kb-missed.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { entryTitle, type KbForm } from '../../logic/kb-form.ts';
import { dayOf, dayRange } from '../../logic/history-query.ts';
import { draftFromGroup, phrasingOf, taughtIn, withPhrasing } from '../../logic/kb-missed.ts';
import { useRequest } from '../../hooks/use-request.ts';

/** Drafting a new entry is an admin's edit: without it the button is not shown. */
export interface Drafting {
  skill: string;
  onDraft: (form: KbForm) => void;
}

interface Props {
  siteId: string;
  csrf: string;
  entries: readonly KbEntry[];
  draft?: Drafting | undefined;
  onChanged: (entry: KbEntry) => void;
}

/**
 * "What the bot missed": visitor questions it only suggested for, escalated, or answered before
 * the visitor asked for a person, grouped, with the agent's reply; each group can become a
 * phrasing of an entry (a supervisor's call that re-indexes the bot everywhere) or, for admins, a
 * new entry. A group whose question an entry already holds shows as taught.
 */
export function MissedQuestions({ siteId, csrf, entries, draft, onChanged }: Props) {
  const t = useT();
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const range = dayRange(fromDay, toDay, Date.now());
  const missed = useLoad(() => listMissed(siteId, range), `${siteId}:${fromDay}:${toDay}`);

  return (
    <section class="panel missed-panel" aria-labelledby="missed-title">
      <h2 id="missed-title">{t.t('missed.title')}</h2>
      <div class="filters">
        <label class="field">
          <span>{t.t('missed.from')}</span>
          <input type="date" value={fromDay || dayOf(range.from)} onChange={(e) => setFromDay(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.t('missed.to')}</span>
          <input type="date" value={toDay || dayOf(range.to - 1)} onChange={(e) => setToDay(e.currentTarget.value)} />
        </label>
        <button type="button" class="button" onClick={missed.reload}>
          {t.t('missed.refresh')}
        </button>
      </div>
      {missed.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: missed.error })}
        </p>
      )}
      {missed.data?.truncated && <p class="muted">{t.t('missed.truncated')}</p>}
      {missed.data && missed.data.groups.length === 0 && <p class="muted">{t.t('missed.empty')}</p>}
      <ul class="missed-groups">
        {missed.data?.groups.map((g) => (
          <MissedRow
            key={`${g.representative.conversationId}:${g.representative.ts}`}
            group={g}
            siteId={siteId}
            csrf={csrf}
            entries={entries}
            onDraft={draft && (() => draft.onDraft(draftFromGroup(g, draft.skill)))}
            onChanged={(entry) => {
              onChanged(entry);
              missed.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function MissedRow(props: {
  group: MissedGroup;
  siteId: string;
  csrf: string;
  entries: readonly KbEntry[];
  onDraft: (() => void) | undefined;
  onChanged: (entry: KbEntry) => void;
}) {
  const { group, entries } = props;
  const t = useT();
  const [entryId, setEntryId] = useState(group.closestEntryId ?? '');
  const { busy, error, setError, run: request } = useRequest();
  const taught = taughtIn(entries, group);

  const add = async () => {
    const entry = entries.find((e) => e.id === entryId);
    if (!entry || !withPhrasing(entry, group)) {
      setError(t.t('missed.alreadyThere'));
      return;
    }
    await request(async () => {
      const answer = await addPhrasing(entry.id, phrasingOf(group, props.siteId), props.csrf);
      if (answer.added) props.onChanged(answer.entry);
      else setError(t.t('missed.alreadyThere'));
    });
  };

  return (
    <li class="missed-group">
      <p>
        <strong dir="auto" lang={group.language}>
          {group.representative.text}
        </strong>{' '}
        <span class="badge">{t.t('missed.count', { n: group.count })}</span>
      </p>
      <details>
        <summary>{t.t('missed.examples')}</summary>
        <ul>
          {group.examples.map((e) => (
            <li key={`${e.conversationId}:${e.ts}`} dir="auto" lang={e.language}>
              {e.text}
            </li>
          ))}
        </ul>
      </details>
      <p class="missed-reply">
        <span class="muted">{t.t('missed.agentReply')}</span>{' '}
        <span dir="auto">{group.agentReply ?? t.t('missed.noReply')}</span>
      </p>
      {taught && (
        <p class="missed-taught" role="status">
          <span class="badge">{t.t('missed.addedTo', { entry: entryTitle(taught, t.locale) })}</span>
        </p>
      )}
      <div class="missed-actions" hidden={taught !== null}>
        <label class="field">
          <span>{t.t('missed.entry')}</span>
          <select value={entryId} onChange={(e) => setEntryId(e.currentTarget.value)}>
            <option value="">{t.t('missed.chooseEntry')}</option>
            {entries.map((e) => (
              <option key={e.id} value={e.id}>
                {entryTitle(e, t.locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button" disabled={busy || !entryId} onClick={() => void add()}>
          {t.t('missed.addPhrasing')}
        </button>
        {props.onDraft && (
          <button type="button" class="button" onClick={props.onDraft}>
            {t.t('missed.draft')}
          </button>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
