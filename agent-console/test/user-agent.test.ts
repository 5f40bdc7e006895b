import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../src/logic/user-agent.ts';

const ua = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) ' +
    'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ' +
    'AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ' +
    'AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ' +
    'AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipadDesktopMode:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ' +
    'AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) ' +
    'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X700) ' +
    'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Safari/537.36',
  samsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) ' +
    'AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  opera:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) ' +
    'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/112.0.0.0',
  chromebook:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('parseUserAgent', () => {
  it.each([
    [ua.chromeWindows, 'Chrome', '126', 'Windows', 'desktop'],
    [ua.edge, 'Edge', '126', 'Windows', 'desktop'],
    [ua.firefoxLinux, 'Firefox', '128', 'Linux', 'desktop'],
    [ua.safariMac, 'Safari', '17', 'macOS', 'desktop'],
    [ua.iphone, 'Safari', '17', 'iOS 17', 'mobile'],
    [ua.chromeIos, 'Chrome', '126', 'iOS 17', 'mobile'],
    [ua.ipadDesktopMode, 'Safari', '17', 'iPadOS', 'tablet'],
    [ua.androidPhone, 'Chrome', '126', 'Android 14', 'mobile'],
    [ua.androidTablet, 'Chrome', '126', 'Android 13', 'tablet'],
    [ua.samsung, 'Samsung Internet', '25', 'Android 14', 'mobile'],
    [ua.opera, 'Opera', '112', 'Windows', 'desktop'],
    [ua.chromebook, 'Chrome', '126', 'ChromeOS', 'desktop'],
  ])('reads %s', (agent, browser, version, os, device) => {
    expect(parseUserAgent(agent)).toEqual({ browser, browserVersion: version, os, device });
  });

  it('admits what it does not know', () => {
    expect(parseUserAgent(null)).toEqual({ browser: null, browserVersion: null, os: null, device: 'desktop' });
    expect(parseUserAgent('curl/8.5.0')).toEqual({ browser: null, browserVersion: null, os: null, device: 'desktop' });
  });
});
