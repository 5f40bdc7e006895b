import type { SlaClock } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';

/** One SLA clock as "First reply in 3m" or, once it ran out, "First reply 2m overdue". */
export function SlaClockText({ clock, now }: { clock: SlaClock; now: number }) {
  const t = useT();
  const left = clock.dueAt - now;
  const kind = t.t(`sla.kind.${clock.kind}`);
  return left > 0 ? (
    <span class="sla-clock">{t.t('sla.dueIn', { kind, time: t.duration(left) })}</span>
  ) : (
    <span class="sla-clock overdue">{t.t('sla.overdue', { kind, time: t.duration(-left) })}</span>
  );
}
