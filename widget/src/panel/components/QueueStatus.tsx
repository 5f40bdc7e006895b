import type { QueueStatus as Queue } from '@cascade/shared';
import { etaMinutes } from '../../i18n/format.ts';
import { useChat } from '../context.ts';

/**
 * Honest waiting: place in line and estimated wait, updated as the server pushes changes. With
 * nobody able to come within the site's wait limit there is no estimate, only that plain fact.
 */
export function QueueStatus({ queue }: { queue: Queue }) {
  const { t } = useChat();
  const minutes = etaMinutes(queue.etaSeconds);
  return (
    <div class="card" role="status">
      <p class="strong">{t('queue.position', { n: queue.position })}</p>
      <p>
        {!queue.available ? t('queue.nobody') : minutes === null ? t('queue.etaSoon') : t('queue.eta', { n: minutes })}
      </p>
    </div>
  );
}
