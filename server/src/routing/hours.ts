import type { BusinessHours } from '@cascade/shared';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The weekday (0 = Sunday) and minutes since midnight at `now` in the time zone. */
export function localTime(timeZone: string, now: Date): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: weekdays.indexOf(get('weekday')), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Open when `now` falls in one of the day's intervals; `null` hours mean always open. An interval
 * may run past midnight.
 */
export function isOpen(hours: BusinessHours | null, now: Date): boolean {
  if (!hours) return true;
  const { day, minutes } = localTime(hours.timeZone, now);
  return hours.weekly.some((w) => {
    const open = toMinutes(w.open);
    const close = toMinutes(w.close);
    if (open < close) return w.day === day && minutes >= open && minutes < close;
    // Overnight: from `open` on its day until `close` the next morning.
    return (w.day === day && minutes >= open) || ((w.day + 1) % 7 === day && minutes < close);
  });
}
