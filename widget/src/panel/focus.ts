const focusable = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled])';

/** Keeps Tab and Shift+Tab cycling inside the open panel instead of wandering into the page. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  const items = container.querySelectorAll<HTMLElement>(focusable);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = (container.getRootNode() as ShadowRoot).activeElement;
  const inside = active !== null && container.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
