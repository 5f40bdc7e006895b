/**
 * Adds a stylesheet to the widget's shadow root. A constructed sheet, unlike a <style> element,
 * is not blocked by a page's Content-Security-Policy (every browser the build targets has them).
 */
export function adopt(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
