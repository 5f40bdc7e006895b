import type { Agent, Invitation, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { createAgent, listAgents, removeAgent, updateAgent } from '../../api/agents.ts';
import { getSiteSettings } from '../../api/sites.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { membershipOf, skillChoices } from '../../logic/agent-form.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { CopyButton } from '../CopyButton.tsx';
import { AgentDialog } from './AgentDialog.tsx';

type Editing = { kind: 'new' } | { kind: 'edit'; agent: Agent } | null;

/**
 * The site's agents: add one (a new account's one-time password, or an invitation for an email
 * that already has an account, shown once), set skills, levels, cap and role, remove from the site.
 */
export function AgentsPage({ site, me }: { site: SiteRef; me: Me }) {
  const t = useT();
  const skillName = useSkillName();
  const agents = useLoad(() => listAgents(site.id), site.id);
  const settings = useLoad(() => getSiteSettings(site.id), site.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [created, setCreated] = useState<{ agent: Agent; password: string } | null>(null);
  const [invited, setInvited] = useState<{ email: string; invitation: Invitation } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = agents.data ?? [];
  const skills = skillChoices(settings.data?.site.skills ?? [], list, site.id);
  const defaultCap = settings.data?.site.defaultMaxChats ?? null;

  const replace = (agent: Agent) =>
    agents.set(
      list.some((a) => a.id === agent.id) ? list.map((a) => (a.id === agent.id ? agent : a)) : [...list, agent],
    );

  const setActive = async (agent: Agent, active: boolean) => {
    setError(null);
    try {
      replace(await updateAgent(agent.id, { siteId: site.id, active }, me.csrfToken));
    } catch (e) {
      setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const remove = async (agent: Agent) => {
    setError(null);
    try {
      await removeAgent(agent.id, site.id, me.csrfToken);
      agents.set(list.filter((a) => a.id !== agent.id));
    } catch (e) {
      setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <main class="page agents-page">
      <div class="page-head">
        <h1>{t.t('agents.title')}</h1>
        {agents.data && <span class="muted">{t.t('agents.count', { n: list.length })}</span>}
        <button type="button" class="button primary push-end" onClick={() => setEditing({ kind: 'new' })}>
          {t.t('agents.add')}
        </button>
      </div>
      {created && (
        <section class="panel secret-box" aria-labelledby="password-title">
          <h2 id="password-title">{t.t('agents.passwordTitle', { name: created.agent.name })}</h2>
          <p class="warning">{t.t('agents.passwordOnce')}</p>
          <div class="secret-line">
            <code dir="ltr">{created.password}</code>
            <CopyButton text={created.password} label={t.t('agents.copyPassword')} />
            <button type="button" class="button quiet small" onClick={() => setCreated(null)}>
              {t.t('agents.passwordDone')}
            </button>
          </div>
        </section>
      )}
      {invited && (
        <section class="panel secret-box" aria-labelledby="invitation-title">
          <h2 id="invitation-title">{t.t('agents.invitationTitle', { email: invited.email })}</h2>
          <p class="warning">{t.t('agents.invitationOnce', { date: t.dateTime(invited.invitation.expiresAt) })}</p>
          <div class="secret-line">
            <code dir="ltr" aria-label={t.t('agents.invitationCode')}>
              {invited.invitation.code}
            </code>
            <CopyButton text={invited.invitation.code} label={t.t('agents.copyCode')} />
          </div>
          <div class="secret-line">
            <code dir="ltr" aria-label={t.t('agents.invitationLink')}>
              {invited.invitation.link}
            </code>
            <CopyButton text={invited.invitation.link} label={t.t('agents.copyLink')} />
            <button type="button" class="button quiet small" onClick={() => setInvited(null)}>
              {t.t('agents.passwordDone')}
            </button>
          </div>
        </section>
      )}
      {(agents.error ?? error) && (
        <p class="form-error" role="alert">
          {agents.error ? t.t('error.generic', { message: agents.error }) : error}
        </p>
      )}
      {agents.data && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.t('agents.name')}</th>
              <th scope="col">{t.t('agents.email')}</th>
              <th scope="col">{t.t('agents.role')}</th>
              <th scope="col">{t.t('agents.skills')}</th>
              <th scope="col">{t.t('agents.languages')}</th>
              <th scope="col">{t.t('agents.cap')}</th>
              <th scope="col">{t.t('agents.state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t.t('agents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((agent) => {
              const m = membershipOf(agent, site.id);
              const self = agent.id === me.agent.id;
              return (
                <tr key={agent.id} class={agent.active ? undefined : 'inactive'}>
                  <th scope="row" dir="auto">
                    {agent.name}
                  </th>
                  <td dir="ltr" class="email-cell">
                    {agent.email}
                  </td>
                  <td>{m ? t.t(`role.${m.role}`) : ''}</td>
                  <td>
                    <span class="tags">
                      {(m?.skills ?? []).map((s) => (
                        <span key={s.skill} class="tag">
                          {t.t('agents.skillLevel', { skill: skillName(s.skill, site.id), level: s.level })}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>{(m?.languages ?? []).map((l) => t.t(`locale.${l}`)).join(t.t('viewers.join'))}</td>
                  <td>
                    {m?.maxChats
                      ? t.num(m.maxChats)
                      : defaultCap === null
                        ? ''
                        : t.t('agents.defaultCap', { n: defaultCap })}
                  </td>
                  <td>
                    <span class={`tag ${agent.active ? 'ok' : ''}`}>
                      {agent.active ? t.t('agents.active') : t.t('agents.inactive')}
                    </span>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button small"
                      aria-label={t.t('agents.editNamed', { name: agent.name })}
                      onClick={() => setEditing({ kind: 'edit', agent })}
                    >
                      {t.t('agents.edit')}
                    </button>
                    {!self && (
                      <button
                        type="button"
                        class="button small quiet"
                        aria-label={t.t(agent.active ? 'agents.deactivateNamed' : 'agents.reactivateNamed', {
                          name: agent.name,
                        })}
                        onClick={() => void setActive(agent, !agent.active)}
                      >
                        {agent.active ? t.t('agents.deactivate') : t.t('agents.reactivate')}
                      </button>
                    )}
                    {!self && (
                      <button
                        type="button"
                        class="button small quiet"
                        aria-label={t.t('agents.removeNamed', { name: agent.name })}
                        onClick={() => void remove(agent)}
                      >
                        {t.t('agents.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && (
        <AgentDialog
          siteId={site.id}
          agent={editing.kind === 'edit' ? editing.agent : null}
          self={editing.kind === 'edit' && editing.agent.id === me.agent.id}
          skills={skills}
          defaultCap={defaultCap}
          onClose={() => setEditing(null)}
          onCreate={async (body) => {
            const reply = await createAgent(body, me.csrfToken);
            if ('invitation' in reply) {
              setCreated(null);
              setInvited({ email: body.email, invitation: reply.invitation });
              return;
            }
            replace(reply.agent);
            setInvited(null);
            setCreated({ agent: reply.agent, password: reply.password });
          }}
          onUpdate={async (agentId, body) => replace(await updateAgent(agentId, body, me.csrfToken))}
        />
      )}
    </main>
  );
}
