import type { BusinessHours } from '@cascade/shared';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_MS = 86_400_000;

type WallClock = { date: string; day: number; minutes: number; y: number; m: number; d: number };

/** Formatters by time zone: making one costs far more than using it, and SLA clocks ask often. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at `now` in the time zone: its date, weekday (0 = Sunday) and minutes since midnight. */
function wallClock(timeZone: string, now: Date): WallClock {
  const parts = formatter(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const [y, m, d] = [Number(get('year')), Number(get('month')), Number(get('day'))];
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    day: weekdays.indexOf(get('weekday')),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    y,
    m,
    d,
  };
}

/** The weekday (0 = Sunday) and minutes since midnight at `now` in the time zone. */
export function localTime(timeZone: string, now: Date): { day: number; minutes: number } {
  const { day, minutes } = wallClock(timeZone, now);
  return { day, minutes };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const isHoliday = (hours: BusinessHours, date: string) => hours.holidays?.includes(date) ?? false;

/**
 * Open when `now` falls in one of the day's intervals and its local date is no holiday; `null`
 * hours mean always open. An interval may run past midnight.
 */
export function isOpen(hours: BusinessHours | null, now: Date): boolean {
  if (!hours) return true;
  const { date, day, minutes } = wallClock(hours.timeZone, now);
  if (isHoliday(hours, date)) return false;
  return hours.weekly.some((w) => {
    const open = toMinutes(w.open);
    const close = toMinutes(w.close);
    if (open < close) return w.day === day && minutes >= open && minutes < close;
    // Overnight: from `open` on its day until `close` the next morning.
    return (w.day === day && minutes >= open) || ((w.day + 1) % 7 === day && minutes < close);
  });
}

/** The instant the wall clock in `timeZone` reads `minutes` past midnight on y-m-d. */
function wallToInstant(timeZone: string, y: number, m: number, d: number, minutes: number): number {
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  const seen = wallClock(timeZone, new Date(guess));
  const offset = Date.UTC(seen.y, seen.m - 1, seen.d, 0, seen.minutes) - guess;
  return guess - offset;
}

/** Far enough to step over a run of holidays (at most 100 are kept). */
const LOOKAHEAD_DAYS = 120;

/** The next time the site opens after `now` (epoch ms); null when always open or never. */
export function nextOpening(hours: BusinessHours | null, now: Date): number | null {
  if (!hours || hours.weekly.length === 0) return null;
  const today = wallClock(hours.timeZone, now);
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    // Calendar arithmetic on a UTC date: the local y-m-d of the day `offset` days on.
    const day = new Date(Date.UTC(today.y, today.m - 1, today.d) + offset * DAY_MS);
    const date = day.toISOString().slice(0, 10);
    if (isHoliday(hours, date)) continue;
    const opens = hours.weekly
      .filter((w) => w.day === day.getUTCDay())
      .map((w) =>
        wallToInstant(hours.timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), toMinutes(w.open)),
      )
      .filter((t) => t > now.getTime());
    if (opens.length > 0) return Math.min(...opens);
  }
  return null;
}
