import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';

/** The one script tag a site owner pastes before `</body>`. */
export function SnippetBox({ snippet }: { snippet: string }) {
  const t = useT();
  return (
    <section class="panel" aria-labelledby="snippet-title">
      <div class="panel-head">
        <h2 id="snippet-title">{t.t('snippet.title')}</h2>
        <CopyButton text={snippet} label={t.t('snippet.copy')} />
      </div>
      <p class="muted">{t.t('snippet.explain')}</p>
      <pre class="code" dir="ltr" aria-label={t.t('snippet.title')}>
        <code>{snippet}</code>
      </pre>
    </section>
  );
}
