import type { AgentRef } from '@cascade/shared';
import { useT } from '../i18n/context.ts';

/** "Also viewing: Sara": the people who have the chat open besides this agent (the collision warning). */
export function ViewersNote({ viewers }: { viewers: readonly AgentRef[] }) {
  const t = useT();
  if (viewers.length === 0) return null;
  return (
    <p class="viewers-note small" role="status">
      {t.t('viewers.also', { names: viewers.map((v) => v.name).join(t.t('viewers.join')) })}
    </p>
  );
}
