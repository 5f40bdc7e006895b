import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the panel that most visitors never see, in a chunk of its own: fetched the first
 * time it is wanted, so the panel's first load does not carry it.
 */
export function lazy<M>(load: () => Promise<M>) {
  let loaded: M | null = null;
  let chunk: Promise<M> | undefined;
  const get = (): Promise<M> => (chunk ??= load().then((module) => (loaded = module)));
  return {
    get,
    /** The chunk once `want` has fetched it (at once when it came earlier), else null. */
    use(want: boolean): M | null {
      // Through functions: the chunk may be a component, which Preact would call as an initialiser or updater.
      const [module, set] = useState(() => loaded);
      useEffect(() => {
        if (want && !module) void get().then((m) => set(() => m));
      }, [want]);
      return module;
    },
  };
}

/** A component in a chunk of its own, drawn once the chunk has arrived. */
export function lazyPart<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  const chunk = lazy(load);
  return (props) => {
    const Part = chunk.use(true);
    return Part && <Part {...props} />;
  };
}

/** Attachments: fetched the first time a visitor attaches or receives a file. */
export const files = lazy(() => import('../attach/files.tsx'));

export type FilesChunk = Awaited<ReturnType<typeof files.get>>;
