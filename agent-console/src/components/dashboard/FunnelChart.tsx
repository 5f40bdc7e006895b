import type { MetricsSummary } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import { funnelBars } from '../../logic/funnel.ts';

/**
 * The waterfall as horizontal bars, bot to ticket. Bars are HTML sized with `inline-size`, so
 * they grow from the reading side in RTL too; every bar carries its figures as text.
 */
export function FunnelChart({ funnel }: { funnel: MetricsSummary['funnel'] }) {
  const t = useT();
  return (
    <figure class="chart funnel" aria-labelledby="funnel-title">
      <figcaption id="funnel-title" class="chart-title">
        {t.t('chart.funnel')}
      </figcaption>
      <ol class="funnel-bars">
        {funnelBars(funnel).map((bar) => (
          <li key={bar.step} class="funnel-row">
            <span class="funnel-label">{t.t(`funnel.${bar.step}`)}</span>
            <span class="funnel-track" aria-hidden="true">
              <span
                class={`funnel-bar funnel-${bar.step}`}
                style={`inline-size: ${Math.max(bar.size * 100, bar.count > 0 ? 1 : 0)}%`}
              />
            </span>
            <span class="funnel-figure">
              {t.num(bar.count)}
              {bar.share !== null && bar.step !== 'bot' && <span class="muted"> · {t.percent(bar.share)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
