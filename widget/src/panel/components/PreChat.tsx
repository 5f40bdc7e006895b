import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The pre-chat form, fetched only for visitors of a site that has one, when it is asked. */
export function PreChat() {
  const [Form, setForm] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    void import('./PreChatForm.tsx').then((m) => setForm(() => m.PreChatForm));
  }, []);
  return Form && <Form />;
}
