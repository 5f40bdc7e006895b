import type { Agent, AgentCreate, AgentUpdate, Role } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { agentForm, createBody, newAgentForm, updateBody, type AgentProblem } from '../../logic/agent-form.ts';
import { Dialog, DialogFooter } from '../Dialog.tsx';
import { LocaleSelect } from '../LocaleSelect.tsx';
import { localeList } from '../../i18n/locales.ts';

interface Props {
  siteId: string;
  /** null: a new agent. */
  agent: Agent | null;
  /** The admin editing themselves cannot drop their own admin role. */
  self: boolean;
  skills: readonly string[];
  defaultCap: number | null;
  onClose: () => void;
  onCreate: (body: AgentCreate) => Promise<void>;
  onUpdate: (agentId: string, body: AgentUpdate) => Promise<void>;
}

const roles: readonly Role[] = ['agent', 'supervisor', 'admin'];
const levels = [1, 2, 3] as const;

export function AgentDialog({ siteId, agent, self, skills, defaultCap, onClose, onCreate, onUpdate }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [form, setForm] = useState(() => (agent ? agentForm(agent, siteId) : newAgentForm(t.locale)));
  const { busy, error, setError, run } = useRequest();

  const submit = async (event: Event) => {
    event.preventDefault();
    const send = agent ? sendUpdate(agent) : sendCreate();
    if (!send) return;
    if (await run(send)) onClose();
  };

  /** The request to make, or null after naming the field to fix. */
  function sendCreate(): (() => Promise<void>) | null {
    const result = createBody(form, siteId);
    if (!result.ok) return refuse(result.problem);
    return () => onCreate(result.body);
  }

  function sendUpdate(existing: Agent): (() => Promise<void>) | null {
    const result = updateBody(existing, form, siteId);
    if (!result.ok) return refuse(result.problem);
    return () => onUpdate(existing.id, result.body);
  }

  function refuse(problem: AgentProblem): null {
    setError(t.t(`agents.problem.${problem.kind}`, { field: t.t(`agents.${problem.field}`) }));
    return null;
  }

  return (
    <Dialog
      title={agent ? t.t('agents.editTitle', { name: agent.name }) : t.t('agents.addTitle')}
      titleId="agent-dialog-title"
      onClose={onClose}
    >
      <form class="dialog-form" onSubmit={submit}>
        {!agent && (
          <label class="field">
            <span>{t.t('agents.email')}</span>
            <input
              type="email"
              dir="ltr"
              required
              maxLength={254}
              value={form.email}
              onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
          </label>
        )}
        <label class="field">
          <span>{t.t('agents.name')}</span>
          <input
            type="text"
            dir="auto"
            required
            maxLength={100}
            value={form.name}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        </label>
        <div class="field-row">
          <label class="field">
            <span>{t.t('agents.role')}</span>
            <select
              value={form.role}
              disabled={self}
              onChange={(e) => setForm({ ...form, role: roles.find((r) => r === e.currentTarget.value) ?? 'agent' })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t.t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t.t('agents.locale')}</span>
            <LocaleSelect value={form.locale} onChange={(l) => setForm({ ...form, locale: l })} />
          </label>
          <label class="field">
            <span>{t.t('agents.maxChats')}</span>
            <input
              type="number"
              dir="ltr"
              min={1}
              max={50}
              placeholder={defaultCap === null ? '' : t.t('agents.defaultCap', { n: defaultCap })}
              value={form.maxChats}
              onInput={(e) => setForm({ ...form, maxChats: e.currentTarget.value })}
            />
          </label>
        </div>
        <fieldset class="skills-grid">
          <legend>{t.t('agents.languagesLegend')}</legend>
          {localeList.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={form.languages.includes(l)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    languages: e.currentTarget.checked ? [...form.languages, l] : form.languages.filter((x) => x !== l),
                  })
                }
              />
              <span>{t.t(`locale.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="skills-grid">
          <legend>{t.t('agents.skillsLegend')}</legend>
          {skills.map((skill) => (
            <label key={skill} class="field">
              <span>{skillName(skill, siteId)}</span>
              <select
                value={String(form.levels[skill] ?? 0)}
                onChange={(e) =>
                  setForm({ ...form, levels: { ...form.levels, [skill]: Number(e.currentTarget.value) } })
                }
              >
                <option value="0">{t.t('agents.noSkill')}</option>
                {levels.map((l) => (
                  <option key={l} value={String(l)}>
                    {t.t('transfer.levelN', { level: l })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={agent ? t.t('agents.save') : t.t('agents.create')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
