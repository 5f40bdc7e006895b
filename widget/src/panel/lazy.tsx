import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useChat } from './context.ts';

/** How long a chunk that could not be fetched (the network) waits before it is fetched again. */
export const RETRY_MS = 3_000;

/**
 * A part of the panel that most visitors never see, in a chunk of its own: fetched the first
 * time it is wanted, so the panel's first load does not carry it.
 */
export function lazy<M>(load: () => Promise<M>) {
  let loaded: M | null = null;
  let chunk: Promise<M> | undefined;
  // A failed fetch is forgotten, so the next call fetches again.
  const get = (): Promise<M> =>
    (chunk ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        chunk = undefined;
        throw error;
      },
    ));
  return {
    get,
    /**
     * The chunk once `want` has fetched it (at once when it came earlier), else null, and whether
     * the last fetch failed; `retry` fetches again at once, and it is retried after a pause anyway.
     */
    use(want: boolean): { module: M | null; failed: boolean; retry: () => void } {
      // Through functions: the chunk may be a component, which Preact would call as an initialiser or updater.
      const [module, set] = useState(() => loaded);
      const [failed, setFailed] = useState(false);
      const [tries, setTries] = useState(0);
      const retry = (): void => setTries((n) => n + 1);
      useEffect(() => {
        if (!want || module) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let live = true;
        void get().then(
          (m) => {
            setFailed(false);
            set(() => m);
          },
          () => {
            if (!live) return;
            setFailed(true);
            timer = setTimeout(retry, RETRY_MS);
          },
        );
        return () => {
          live = false;
          clearTimeout(timer);
        };
      }, [want, tries]);
      return { module, failed, retry };
    },
  };
}

/** A component in a chunk of its own, drawn once the chunk has arrived; an error with Retry until then if it cannot be fetched. */
export function lazyPart<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  const chunk = lazy(load);
  return (props) => {
    const { module: Part, failed, retry } = chunk.use(true);
    if (Part) return <Part {...props} />;
    return failed && <Unfetched retry={retry} />;
  };
}

/** In place of a part whose chunk could not be fetched: says so, and fetches it again on request. */
export function Unfetched({ retry }: { retry: () => void }) {
  const { t } = useChat();
  return (
    <p class="error" role="alert">
      {t('error.generic')}{' '}
      <button type="button" class="link" onClick={retry}>
        {t('msg.retry')}
      </button>
    </p>
  );
}

/** Attachments: fetched the first time a visitor attaches or receives a file. */
export const files = lazy(() => import('../attach/files.tsx'));

export type FilesChunk = Awaited<ReturnType<typeof files.get>>;
