export type DeviceKind = 'desktop' | 'mobile' | 'tablet';

export interface DeviceInfo {
  browser: string | null;
  /** Major version only: enough to spot an outdated browser. */
  browserVersion: string | null;
  os: string | null;
  device: DeviceKind;
}

// Order matters: Edge, Opera and Samsung Internet also announce "Chrome", and Chrome announces "Safari".
const browsers: ReadonlyArray<readonly [string, RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]*(?: Mobile\/\w+)? Safari\//],
];

export function parseUserAgent(ua: string | null): DeviceInfo {
  if (!ua) return { browser: null, browserVersion: null, os: null, device: 'desktop' };
  let browser: string | null = null;
  let browserVersion: string | null = null;
  for (const [name, pattern] of browsers) {
    const match = pattern.exec(ua);
    if (match) {
      browser = name;
      browserVersion = match[1] ?? null;
      break;
    }
  }
  return { browser, browserVersion, os: parseOs(ua), device: parseDevice(ua) };
}

function parseOs(ua: string): string | null {
  // iPads ask for desktop sites and then look like a Mac, except for touch-only tokens.
  if (/\biPad\b/.test(ua) || (/\bMacintosh\b/.test(ua) && /\bMobile\//.test(ua))) return 'iPadOS';
  const ios = /\b(?:iPhone|iPod)\b.*? OS (\d+)/.exec(ua);
  if (ios) return `iOS ${ios[1]}`;
  const android = /\bAndroid (\d+)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\bWindows NT\b/.test(ua)) return 'Windows';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bMac OS X\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return null;
}

function parseDevice(ua: string): DeviceKind {
  if (/\biPad\b|\bTablet\b/.test(ua) || (/\bMacintosh\b/.test(ua) && /\bMobile\//.test(ua))) return 'tablet';
  if (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua)) return 'tablet';
  if (/\bMobi|\biPhone\b|\biPod\b/.test(ua)) return 'mobile';
  return 'desktop';
}
