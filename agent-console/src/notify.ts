/**
 * Desktop notifications, for an agent whose console is in a background tab: shown only when
 * the page is hidden and the agent allowed them. Browsers ask for permission only in
 * answer to a click, so `askPermission` is called from one (logging in, toggling sound).
 */
export function notifyDesktop(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible') return;
  new Notification(title, { body, tag: 'cascade-console' });
}

export function askPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission();
}
