import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@cascade/client-core';

export { createStore, type Store } from '@cascade/client-core';

export function useStoreState<S, A>(store: Store<S, A>): S {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(() => setState(store.getState()));
  }, [store]);
  return state;
}
