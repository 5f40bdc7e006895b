import { useT } from '../../i18n/context.ts';
import {
  labelIndexes,
  linePath,
  niceCeiling,
  timeLabelAnchor,
  valueTicks,
  xAt,
  yAt,
  type ChartFrame,
} from '../../logic/chart-geometry.ts';
import type { SeriesPoint } from '../../logic/series.ts';

interface Props {
  title: string;
  points: readonly SeriesPoint[];
  timeLabel: (ts: number) => string;
  valueLabel: (value: number) => string;
}

const frame: ChartFrame = { width: 480, height: 200, axis: 52, end: 16, top: 12, bottom: 28 };
const MAX_TIME_LABELS = 6;

/**
 * A line over time in plain SVG. Time runs in the reading direction (right to left in Arabic
 * and Persian). The SVG is an image with a one-line summary; the figures themselves are in a
 * table below it for anyone who cannot see the line.
 */
export function LineChart({ title, points, timeLabel, valueLabel }: Props) {
  const t = useT();
  const rtl = t.dir === 'rtl';
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = niceCeiling(Math.max(0, ...values));
  const path = linePath(points, top, frame, rtl);
  const peak = values.length > 0 ? points.find((p) => p.value === Math.max(...values)) : undefined;
  const summary =
    peak && peak.value !== null
      ? t.t('chart.summary', { title, n: points.length, peak: valueLabel(peak.value), at: timeLabel(peak.t) })
      : t.t('chart.empty', { title });
  const valueX = rtl ? frame.width - frame.axis + 6 : frame.axis - 6;
  const titleId = `chart-${title.replace(/\W+/g, '-')}`;

  return (
    <figure class="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="chart-title">
        {title}
      </figcaption>
      <svg class="line-chart" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={summary}>
        {valueTicks(top).map((tick) => {
          const y = yAt(tick, top, frame);
          return (
            <g key={tick}>
              <line
                class="grid"
                x1={frame.axis}
                x2={frame.width - frame.end}
                y1={y}
                y2={y}
                transform={rtl ? mirror : undefined}
              />
              <text class="axis-label" x={valueX} y={y + 4} text-anchor={rtl ? 'start' : 'end'}>
                {tick === 0 ? t.num(0) : valueLabel(tick)}
              </text>
            </g>
          );
        })}
        {path && <path class="line" d={path} />}
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle
              key={p.t}
              class="point"
              cx={xAt(i, points.length, frame, rtl)}
              cy={yAt(p.value, top, frame)}
              r={2.5}
            />
          ),
        )}
        {labelIndexes(points.length, MAX_TIME_LABELS).map((i) => {
          const p = points[i];
          return p ? (
            <text
              key={p.t}
              class="axis-label"
              x={xAt(i, points.length, frame, rtl)}
              y={frame.height - 8}
              text-anchor={timeLabelAnchor(i, points.length, rtl)}
            >
              {timeLabel(p.t)}
            </text>
          ) : null;
        })}
      </svg>
      <details class="chart-data">
        <summary>{t.t('chart.showTable')}</summary>
        <table class="table compact">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('chart.time')}</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.t}>
                <th scope="row">{timeLabel(p.t)}</th>
                <td>{p.value === null ? t.t('metrics.none') : valueLabel(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Grid lines span the plot area; mirrored around the middle they sit right for RTL. */
const mirror = `translate(${frame.width} 0) scale(-1 1)`;
