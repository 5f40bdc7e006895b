/**
 * Defines `Cascade` before the widget has loaded, so calls made early are queued in `Cascade.q`
 * and run, in order, once it has.
 */
export const stub = 'window.Cascade=window.Cascade||function(){(Cascade.q=Cascade.q||[]).push(arguments)};';

const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a site owner pastes before `</body>`: the stub, then the async loader. */
export function snippet(scriptUrl: string, siteKey: string): string {
  return `<script>${stub}</script>\n<script async src="${attr(scriptUrl)}" data-site-key="${attr(siteKey)}"></script>`;
}
