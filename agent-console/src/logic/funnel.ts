import type { MetricsSummary } from '@cascade/shared';

export type FunnelStep = keyof MetricsSummary['funnel'];

/** The waterfall in order: every conversation meets the bot, some go up the levels, the rest become tickets. */
export const funnelSteps: readonly FunnelStep[] = ['bot', 'level1', 'level2', 'level3', 'ticket'];

export interface FunnelBar {
  step: FunnelStep;
  count: number;
  /** Length of the bar, 0..1 of the longest. */
  size: number;
  /** Share of all conversations that reached this step; null when there were none. */
  share: number | null;
}

export function funnelBars(funnel: MetricsSummary['funnel']): FunnelBar[] {
  const widest = Math.max(0, ...funnelSteps.map((s) => funnel[s]));
  return funnelSteps.map((step) => ({
    step,
    count: funnel[step],
    size: widest > 0 ? funnel[step] / widest : 0,
    share: funnel.bot > 0 ? funnel[step] / funnel.bot : null,
  }));
}
