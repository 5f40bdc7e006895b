import type { AgentRef } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import type { ChatFilter } from '../../logic/all-chats.ts';
import { SkillSelect } from '../SkillSelect.tsx';

interface Props {
  filter: ChatFilter;
  skills: readonly string[];
  agents: readonly AgentRef[];
  onChange: (filter: ChatFilter) => void;
}

/** State, skill and agent: the three ways a supervisor narrows the list. */
export function AllChatsFilters({ filter, skills, agents, onChange }: Props) {
  const t = useT();
  return (
    <div class="filters" role="search" aria-label={t.t('allChats.filters')}>
      <label class="field">
        <span>{t.t('allChats.state')}</span>
        <select
          value={filter.state}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ ...filter, state: v === 'waiting' || v === 'assigned' ? v : '' });
          }}
        >
          <option value="">{t.t('allChats.any')}</option>
          <option value="waiting">{t.t('state.queued')}</option>
          <option value="assigned">{t.t('state.assigned')}</option>
        </select>
      </label>
      <SkillSelect
        label={t.t('allChats.skill')}
        anyLabel={t.t('allChats.any')}
        value={filter.skill}
        skills={skills}
        onChange={(skill) => onChange({ ...filter, skill })}
      />
      <label class="field">
        <span>{t.t('allChats.agent')}</span>
        <select value={filter.agentId} onChange={(e) => onChange({ ...filter, agentId: e.currentTarget.value })}>
          <option value="">{t.t('allChats.any')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
