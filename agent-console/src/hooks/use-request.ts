import { useCallback, useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';

export interface Request {
  /** True while a request runs: its button is disabled, so it is not sent twice. */
  busy: boolean;
  /** The last failure in the agent's language, or a form's own check; null once cleared. */
  error: string | null;
  setError: (error: string | null) => void;
  /** Runs `work`, clearing the error first; true when it succeeded, else the failure is shown. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** What a thrown value says to the agent. */
export function failureMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A form or a button's request to the server: busy while it runs, and its failure said plainly. */
export function useRequest(): Request {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
        return true;
      } catch (e) {
        setError(t.t('actions.failed', { message: failureMessage(e) }));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}
