import type { Agent, Me } from '@cascade/shared';
import { Outcome } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import { useSkillChoices } from '../../i18n/skill-names.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import type { ConversationFilter } from '../../logic/history-query.ts';
import { SkillSelect } from '../SkillSelect.tsx';

interface Props {
  me: Me;
  siteId: string;
  /** The search box as typed; it becomes the filter's `q` after a pause or on submit. */
  typed: string;
  filter: ConversationFilter;
  /** The site's agents for supervisors and admins; null or empty for an agent, who filters by "me". */
  agents: readonly Agent[] | null;
  onTyped: (text: string) => void;
  onSearch: () => void;
  onChange: (patch: Partial<ConversationFilter>) => void;
}

/** The search box and every filter `GET /api/conversations` takes. */
export function ConversationFilters({ me, siteId, typed, filter, agents, onTyped, onSearch, onChange }: Props) {
  const t = useT();
  const skills = useSkillChoices(me.agent.memberships, siteId);
  const others = (agents ?? []).filter((a) => a.id !== me.agent.id);
  return (
    <form
      class="filters"
      role="search"
      aria-label={t.t('conversations.searchLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      <label class="field grow">
        <span>{t.t('conversations.search')}</span>
        <input type="search" dir="auto" maxLength={200} value={typed} onInput={(e) => onTyped(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t.t('conversations.from')}</span>
        <input type="date" value={filter.fromDay} onChange={(e) => onChange({ fromDay: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t.t('conversations.to')}</span>
        <input type="date" value={filter.toDay} onChange={(e) => onChange({ toDay: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t.t('conversations.outcome')}</span>
        <select
          value={filter.outcome ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ outcome: Outcome.options.find((o) => o === value) ?? null });
          }}
        >
          <option value="">{t.t('conversations.any')}</option>
          {Outcome.options.map((o) => (
            <option key={o} value={o}>
              {t.t(`conversations.state.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.t('conversations.agent')}</span>
        <select value={filter.agentId ?? ''} onChange={(e) => onChange({ agentId: e.currentTarget.value || null })}>
          <option value="">{t.t('conversations.anyone')}</option>
          <option value={me.agent.id}>{t.t('conversations.mine')}</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <SkillSelect
        label={t.t('conversations.skill')}
        anyLabel={t.t('conversations.any')}
        value={filter.skill}
        skills={skills}
        siteId={siteId}
        onChange={(skill) => onChange({ skill })}
      />
      <label class="field">
        <span>{t.t('conversations.level')}</span>
        <select
          value={filter.level ?? ''}
          onChange={(e) => onChange({ level: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t.t('conversations.any')}</option>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {t.num(n)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.t('conversations.rating')}</span>
        <select
          value={filter.rating ?? ''}
          onChange={(e) => onChange({ rating: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t.t('conversations.any')}</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {'★'.repeat(n)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.t('conversations.tag')}</span>
        <input dir="auto" size={10} value={filter.tag} onChange={(e) => onChange({ tag: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t.t('conversations.language')}</span>
        <select
          value={filter.locale ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ locale: localeList.find((l) => l === value) ?? null });
          }}
        >
          <option value="">{t.t('conversations.any')}</option>
          {localeList.map((l) => (
            <option key={l} value={l}>
              {locales[l].nativeName}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button">
        {t.t('conversations.searchButton')}
      </button>
    </form>
  );
}
