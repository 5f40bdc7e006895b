import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the panel that most visitors never see, in a chunk of its own: fetched the first
 * time it is wanted, so the panel's first load does not carry it.
 */
export function lazy<M>(load: () => Promise<M>) {
  let chunk: Promise<M> | undefined;
  const get = (): Promise<M> => (chunk ??= load());
  return {
    get,
    /** The chunk once `want` has fetched it, else null. */
    use(want: boolean): M | null {
      const [module, set] = useState<M | null>(null);
      useEffect(() => {
        if (want) void get().then(set);
      }, [want]);
      return module;
    },
  };
}

/** Attachments: fetched the first time a visitor attaches or receives a file. */
export const files = lazy(() => import('../attach/files.tsx'));

export type FilesChunk = Awaited<ReturnType<typeof files.get>>;
