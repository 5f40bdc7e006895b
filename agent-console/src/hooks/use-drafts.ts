import { useCallback, useEffect, useState } from 'preact/hooks';
import { dropDraft, parseDrafts, setDraft, type Drafts } from '../logic/drafts.ts';
import { storageKeys, type KeyValue } from '../state/storage.ts';

/** Unsent text per chat, kept in sessionStorage so a reload does not lose a half-written reply. */
export function useDrafts(session: KeyValue) {
  const [drafts, setDrafts] = useState<Drafts>(() => parseDrafts(session.get(storageKeys.drafts)));
  useEffect(() => {
    session.set(storageKeys.drafts, Object.keys(drafts).length > 0 ? JSON.stringify(drafts) : null);
  }, [drafts, session]);
  const update = useCallback((id: string, text: string) => setDrafts((d) => setDraft(d, id, text)), []);
  const clear = useCallback((id: string) => setDrafts((d) => dropDraft(d, id)), []);
  return { drafts, update, clear };
}
