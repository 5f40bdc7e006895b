import type { Locale, Theme } from '@cascade/shared';
import { textOn } from '../color.ts';
import { isRtl } from '../i18n/pick.ts';
import { openChat as ar } from '../locales/ar.ts';
import { openChat as en } from '../locales/en.ts';
import { openChat as fa } from '../locales/fa.ts';

const openChat: Record<Locale, string> = { en, ar, fa };

// Static markup only: nothing from the site or the visitor ever goes through innerHTML.
const icon = '<svg width="26" viewBox="0 0 24 24"><path fill="currentColor" d="M2 3h20v15H10l-6 4v-4H2z"/></svg>';

/**
 * The button that opens the chat, with the site's label; drawn before the panel exists, and hidden
 * while the panel (which has its own close button) is open. The panel draws the unread badge.
 */
export function createLauncher(root: ShadowRoot, host: HTMLElement, onClick: () => void) {
  const button = document.createElement('button');
  button.className = 'launcher';
  button.innerHTML = icon;
  const label = document.createElement('span');
  button.append(label);
  button.addEventListener('click', onClick);
  root.append(button);

  /** `unread` is the unread count in the visitor's digits, '' for none, so screen readers hear it. */
  function update(open: boolean, locale: Locale, unread: string, theme: Theme | undefined): void {
    button.hidden = open;
    button.setAttribute('aria-label', openChat[locale] + (unread && ` (${unread})`));
    button.lang = locale;
    button.dir = isRtl(locale) ? 'rtl' : 'ltr';
    button.classList.toggle('left', theme?.position === 'left');
    label.textContent = theme?.launcherLabel[locale] ?? '';
    if (theme) {
      host.style.setProperty('--cw-color', theme.color);
      host.style.setProperty('--cw-ink', textOn(theme.color));
    }
  }

  return { button, update };
}
