import { listAgents } from '../../api/agents.ts';
import { useBoard } from '../../hooks/use-board.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import type { SiteRef } from '../../logic/sites.ts';
import type { Connection } from '../../state/console-state.ts';
import type { ConsoleController } from '../../state/controller.ts';
import { LiveBoard } from './LiveBoard.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { ProactiveTable } from './ProactiveTable.tsx';

interface Props {
  site: SiteRef;
  controller: ConsoleController;
  connection: Connection;
}

/** The supervisor's view: who is waiting and who is answering now, and the numbers of a period. */
export function DashboardPage({ site, controller, connection }: Props) {
  const t = useT();
  const live = useBoard(site.id, controller, connection);
  // Per-agent numbers name agents who may since have been deactivated, so names come from the full list.
  const agents = useLoad(() => listAgents(site.id), site.id);
  const names = new Map((agents.data ?? []).map((a) => [a.id, a.name]));
  return (
    <main class="page dashboard">
      <div class="page-head">
        <h1>{t.t('dashboard.title')}</h1>
        <span class="muted" dir="auto">
          {site.name}
        </span>
      </div>
      <LiveBoard live={live} />
      <MetricsPanel siteId={site.id} names={names} />
      <ProactiveTable siteId={site.id} />
    </main>
  );
}
