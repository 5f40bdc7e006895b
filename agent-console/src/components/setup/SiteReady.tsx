import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';
import { InstallationCheck } from './InstallationCheck.tsx';

/** A site just made: its snippet to copy, and the check that it was pasted in the right place. */
export function SiteReady({ siteId, name, snippet }: { siteId: string; name: string; snippet: string }) {
  const t = useT();
  return (
    <section class="site-ready" aria-label={t.t('siteReady.title', { site: name })}>
      <h2>{t.t('siteReady.title', { site: name })}</h2>
      <p class="muted">{t.t('snippet.explain')}</p>
      <div class="snippet-line">
        <pre class="code" dir="ltr" aria-label={t.t('snippet.title')}>
          <code>{snippet}</code>
        </pre>
        <CopyButton text={snippet} label={t.t('snippet.copy')} />
      </div>
      <p class="muted">{t.t('siteReady.checkIntro')}</p>
      <InstallationCheck siteId={siteId} />
    </section>
  );
}
