import type { Board, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useT } from '../../i18n/context.ts';

interface Props {
  me: Me;
  /** The agent who has the chat now. */
  holder: string | null;
  agents: Board['agents'];
  /** Gives the chat to `agentId`, or to this supervisor when undefined. */
  onStepIn: (agentId?: string) => Promise<void>;
}

/** Take the chat over, or hand it to a named agent; the server checks their chat limit. */
export function StepIn({ me, holder, agents, onStepIn }: Props) {
  const t = useT();
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = agents.filter((a) => a.agentId !== holder && a.agentId !== me.agent.id && a.status !== 'offline');
  const run = (agentId?: string) => {
    setBusy(true);
    onStepIn(agentId)
      .then(() => setError(null))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };
  return (
    <section class="step-in" aria-label={t.t('monitor.stepIn')}>
      {holder !== me.agent.id && (
        <button type="button" class="button primary" disabled={busy} onClick={() => run()}>
          {t.t('monitor.takeOver')}
        </button>
      )}
      <form
        class="reassign"
        onSubmit={(e) => {
          e.preventDefault();
          if (target) run(target);
        }}
      >
        <label class="field">
          <span>{t.t('monitor.reassignTo')}</span>
          <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">{t.t('monitor.chooseAgent')}</option>
            {others.map((a) => (
              <option key={a.agentId} value={a.agentId}>
                {t.t('monitor.agentLoad', { name: a.name, load: a.load, cap: a.cap })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button" disabled={busy || target === ''}>
          {t.t('monitor.reassign')}
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
