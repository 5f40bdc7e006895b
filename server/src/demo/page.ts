/** A plain shop page with the script tag pasted in exactly as the README tells site owners to. */
export function demoPage(opts: {
  serverUrl: string;
  siteKey: string;
  siteName: string;
  lang: 'en' | 'ar' | 'fa';
}): string {
  const dir = opts.lang === 'en' ? 'ltr' : 'rtl';
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${opts.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.siteName)}: home goods</title>
<style>
  body { font: 16px/1.5 Georgia, serif; margin: 0; color: #2b2b2b; background: #faf7f2; }
  header { padding: 1.5rem 2rem; background: #3d5a40; color: #fff; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 2rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1.5rem; }
  .card { background: #fff; border-radius: 8px; padding: 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  .swatch { height: 8rem; border-radius: 6px; margin-bottom: .75rem; }
</style>
</head>
<body>
<header><h1>${esc(opts.siteName)}</h1><p>Furniture, kitchenware and home goods, delivered.</p></header>
<main>
  <h2>New this season</h2>
  <div class="grid">
    <div class="card"><div class="swatch" style="background:#c8a97e"></div><h3>Oak dining table</h3><p>$890</p></div>
    <div class="card"><div class="swatch" style="background:#7d9d9c"></div><h3>Linen armchair</h3><p>$420</p></div>
    <div class="card"><div class="swatch" style="background:#b5651d"></div><h3>Copper pan set</h3><p>$160</p></div>
  </div>
  <p>Questions? Ask us in the chat at the corner of the page.</p>
</main>
<script async src="${esc(opts.serverUrl)}/widget.js" data-site-key="${esc(opts.siteKey)}"></script>
</body>
</html>
`;
}
