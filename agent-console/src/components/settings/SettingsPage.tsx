import { getSiteSettings } from '../../api/sites.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { ApiTokensPanel } from './ApiTokensPanel.tsx';
import { CannedRepliesPanel } from './CannedRepliesPanel.tsx';
import { DeliveriesPanel } from './DeliveriesPanel.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { PrivacyPanel } from './PrivacyPanel.tsx';
import { ProactivePanel } from './ProactivePanel.tsx';
import { RetentionPanel } from './RetentionPanel.tsx';
import { SecretRotation } from './SecretRotation.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { SitesPanel } from './SitesPanel.tsx';
import { SnippetBox } from './SnippetBox.tsx';
import { TotpRequirementPanel } from './TotpRequirementPanel.tsx';
import { WebhookTestPanel } from './WebhookTestPanel.tsx';

/** The site owner's screen: the script tag to paste, the secrets, and every setting of the site. */
export function SettingsPage({
  site,
  csrf,
  onSitesChanged,
}: {
  site: SiteRef;
  csrf: string;
  /** A site was added or removed here. */
  onSitesChanged: () => void;
}) {
  const t = useT();
  const settings = useLoad(() => getSiteSettings(site.id), site.id);
  return (
    <main class="page settings-page">
      <div class="page-head">
        <h1>{t.t('settings.title')}</h1>
        <span class="muted" dir="auto">
          {site.name}
        </span>
      </div>
      {settings.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: settings.error })}
        </p>
      )}
      {!settings.data && !settings.error && <p class="muted">{t.t('app.loading')}</p>}
      {settings.data && (
        <>
          <SnippetBox snippet={settings.data.snippet} />
          <SitesPanel
            key={site.id}
            site={settings.data.site}
            csrf={csrf}
            onRotated={settings.set}
            onSitesChanged={onSitesChanged}
          />
          <InvitationsPanel siteId={site.id} csrf={csrf} />
          <SecretRotation siteId={site.id} csrf={csrf} />
          <SettingsForm key={site.id} site={settings.data.site} csrf={csrf} onSaved={settings.set} />
          <ProactivePanel key={site.id} site={settings.data.site} csrf={csrf} onSaved={settings.set} />
          <CannedRepliesPanel siteId={site.id} csrf={csrf} />
          <WebhookTestPanel siteId={site.id} csrf={csrf} />
          <DeliveriesPanel siteId={site.id} csrf={csrf} />
          <ApiTokensPanel siteId={site.id} csrf={csrf} />
          <TotpRequirementPanel siteId={site.id} csrf={csrf} />
          <RetentionPanel siteId={site.id} csrf={csrf} />
          <PrivacyPanel siteId={site.id} csrf={csrf} />
        </>
      )}
    </main>
  );
}
