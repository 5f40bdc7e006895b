import { parseOutbox } from '../outbox.ts';
import { initialState, type ChatState } from '../state.ts';
import type { KeyStore } from '../storage.ts';
import { needsConnection } from '../timeline.ts';
import type { Store } from './store.ts';

/** The state a page starts from: the unsent messages and the read mark; `hello` brings the rest. */
export const restore = (local: KeyStore): ChatState => ({
  ...initialState,
  outbox: parseOutbox(local.get('outbox')),
  readUpTo: local.get('read'),
});

/** Writes what must outlive the page to localStorage as it changes, so a reload loses nothing. */
export function persist(store: Store, local: KeyStore): void {
  let last = store.getState();
  store.subscribe(() => {
    const s = store.getState();
    if (s.outbox !== last.outbox) local.set('outbox', s.outbox.length ? JSON.stringify(s.outbox) : null);
    if (s.readUpTo !== last.readUpTo) local.set('read', s.readUpTo);
    local.set('live', needsConnection(s) ? '1' : null);
    last = s;
  });
}
