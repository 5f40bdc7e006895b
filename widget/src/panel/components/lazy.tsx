import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the panel that few visitors see, in a chunk of its own: fetched the first time it
 * is shown, drawn once it has arrived.
 */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return (props) => {
    const [Part, setPart] = useState(() => loaded);
    useEffect(() => {
      if (!Part) void load().then((part) => setPart(() => (loaded = part)));
    }, [Part]);
    return Part && <Part {...props} />;
  };
}
