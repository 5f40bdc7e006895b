import type { ConversationHit } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import type { Translator } from '../../i18n/translator.ts';
import { highlightParts } from '../../logic/history-query.ts';
import { routeHash } from '../../logic/route.ts';
import { shortVisitorTag } from '../../logic/visitor-name.ts';

interface Props {
  hits: readonly ConversationHit[];
  /** The search that found them, to mark its words in the matching messages. */
  q: string;
  names: ReadonlyMap<string, string> | null;
}

/** The conversation's visitor as the list can name them: the address they left, else a short tag. */
export function hitVisitor(t: Translator, hit: Pick<ConversationHit['conversation'], 'visitorEmail' | 'visitorId'>) {
  return hit.visitorEmail ?? t.t('visitor.anonymous', { id: shortVisitorTag(hit.visitorId) });
}

/**
 * The name of the agent who had the chat, "another agent" when the viewer cannot list them, else
 * nobody; blank while the names are still on their way.
 */
export function agentName(t: Translator, names: ReadonlyMap<string, string> | null, agentId: string | null): string {
  if (agentId === null) return t.t('conversations.noAgent');
  if (names === null) return '';
  return names.get(agentId) ?? t.t('tickets.otherAgent');
}

export function ConversationResults({ hits, q, names }: Props) {
  const t = useT();
  return (
    <table class="table conversation-results" aria-label={t.t('conversations.results')}>
      <thead>
        <tr>
          <th scope="col">{t.t('conversations.visitor')}</th>
          <th scope="col">{t.t('conversations.when')}</th>
          <th scope="col">{t.t('conversations.agent')}</th>
          <th scope="col">{t.t('conversations.outcome')}</th>
          <th scope="col">{t.t('conversations.tags')}</th>
          <th scope="col">{t.t('conversations.match')}</th>
        </tr>
      </thead>
      <tbody>
        {hits.map(({ conversation: c, tags, matches }) => (
          <tr key={c.id}>
            <td>
              <a href={routeHash({ view: 'conversation', conversationId: c.id })} dir="auto">
                {hitVisitor(t, c)}
              </a>
            </td>
            <td>{t.dateTime(c.createdAt)}</td>
            <td>
              <bdi>{agentName(t, names, c.agentId)}</bdi>
            </td>
            <td>
              <span class={`tag outcome-${c.state}`}>{t.t(`conversations.state.${c.state}`)}</span>
            </td>
            <td>
              <span class="tags">
                {tags.map((tag) => (
                  <span key={tag} class="tag" dir="auto">
                    {tag}
                  </span>
                ))}
              </span>
            </td>
            <td class="snippet">
              {matches.slice(0, 1).map((m) => (
                <p key={m.id} dir="auto">
                  {highlightParts(m.text, q).map((part, i) =>
                    part.hit ? <mark key={i}>{part.text}</mark> : part.text,
                  )}
                </p>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
