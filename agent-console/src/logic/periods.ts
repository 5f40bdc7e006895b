export type Period = 'today' | 'week' | 'month';

export const periods: readonly Period[] = ['today', 'week', 'month'];

const daysBack: Record<Period, number> = { today: 0, week: 6, month: 29 };

/**
 * The range of a dashboard period in the agent's own day: "today" starts at local midnight,
 * "7 days" and "30 days" include today and whole days before it.
 */
export function periodRange(period: Period, now: number): { from: number; to: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - daysBack[period]);
  return { from: start.getTime(), to: now };
}
