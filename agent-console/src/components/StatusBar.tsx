import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { visitorLabel } from '../i18n/describe.ts';
import type { Connection, Notice } from '../state/console-state.ts';

const INFO_NOTICE_MS = 6000;

/** Connection trouble and the latest notice, announced politely to screen readers. */
export function StatusBar({
  connection,
  notice,
  onDismiss,
}: {
  connection: Connection;
  notice: Notice | null;
  onDismiss: () => void;
}) {
  const t = useT();
  // Information fades by itself; errors stay until the agent dismisses them.
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(onDismiss, INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div class="statusbar" aria-live="polite">
      {connection !== 'online' && (
        <p class={`banner ${connection === 'offline' ? 'warn' : 'info'}`}>
          {connection === 'offline' ? t.t('conn.offline') : t.t('conn.connecting')}
        </p>
      )}
      {notice && (
        <p
          class={`banner ${notice.tone === 'error' ? 'error' : 'info'}`}
          role={notice.tone === 'error' ? 'alert' : undefined}
        >
          <span>
            {t.t(
              notice.key,
              notice.visitor ? { ...notice.params, name: visitorLabel(t, notice.visitor) } : notice.params,
            )}
          </span>
          <button type="button" class="button quiet small" onClick={onDismiss}>
            {t.t('error.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
