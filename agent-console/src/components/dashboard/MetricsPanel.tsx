import { useState } from 'preact/hooks';
import { getMetrics, getStatusTimes } from '../../api/dashboard.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { periodRange, periods, type Period } from '../../logic/periods.ts';
import { seriesPoints, seriesStep } from '../../logic/series.ts';
import { SlaAndWaits } from './SlaAndWaits.tsx';
import { AgentStatsTable } from './AgentStatsTable.tsx';
import { StatusTimeTable } from './StatusTimeTable.tsx';
import { FunnelChart } from './FunnelChart.tsx';
import { LineChart } from './LineChart.tsx';
import { MetricTiles } from './MetricTiles.tsx';
import { NpsSection } from './NpsSection.tsx';

/** The numbers of a chosen period: tiles, the waterfall as a funnel, and volume and wait over time. */
export function MetricsPanel({ siteId, names }: { siteId: string; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('today');
  const [range, setRange] = useState(() => periodRange('today', Date.now()));
  const summary = useLoad(() => getMetrics(siteId, range), `${siteId}:${range.from}:${range.to}`);
  const statusTimes = useLoad(() => getStatusTimes(siteId, range), `${siteId}:${range.from}:${range.to}`);
  const choose = (next: Period) => {
    setPeriod(next);
    setRange(periodRange(next, Date.now()));
  };
  const data = summary.data;
  const step = data ? seriesStep(data.series) : 'hour';
  const timeLabel = (ts: number) => (step === 'hour' ? t.time(ts) : t.day(ts));

  return (
    <section class="panel" aria-labelledby="metrics-title">
      <div class="panel-head">
        <h2 id="metrics-title">{t.t('metrics.title')}</h2>
        <div class="segmented" role="group" aria-label={t.t('metrics.period')}>
          {periods.map((p) => (
            <button key={p} type="button" aria-pressed={period === p} onClick={() => choose(p)}>
              {t.t(`period.${p}`)}
            </button>
          ))}
        </div>
        <button type="button" class="button small" onClick={() => choose(period)}>
          {t.t('metrics.refresh')}
        </button>
      </div>
      {summary.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: summary.error })}
        </p>
      )}
      {!data && !summary.error && <p class="muted">{t.t('app.loading')}</p>}
      {data && (
        <>
          <MetricTiles summary={data} />
          <div class="charts">
            <FunnelChart funnel={data.funnel} />
            <LineChart
              title={t.t('chart.volume')}
              points={seriesPoints(data.series, 'conversations')}
              timeLabel={timeLabel}
              valueLabel={(n) => t.num(n)}
            />
            <LineChart
              title={t.t('chart.wait')}
              points={seriesPoints(data.series, 'wait')}
              timeLabel={timeLabel}
              valueLabel={(n) => t.seconds(n)}
            />
          </div>
          <SlaAndWaits summary={data} />
          {data.nps.answers > 0 && <NpsSection nps={data.nps} siteId={siteId} range={range} />}
          <AgentStatsTable rows={data.agents} names={names} />
          {statusTimes.data && <StatusTimeTable rows={statusTimes.data.agents} names={names} />}
        </>
      )}
    </section>
  );
}
