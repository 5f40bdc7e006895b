import type { QueueStatus, Site } from '@cascade/shared';
import { ANY_SKILL, type Routing, type WaitingLine } from '../routing/routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import { lineFacts, placeIn } from './views.ts';

export type PlacesDeps = {
  routing: Pick<Routing, 'lines' | 'capacity' | 'recentHandleTimes'>;
  conversations: Pick<ConversationStore, 'get'>;
};

/** Every waiting chat of a site, line by line and next first, and each one's place and estimate. */
export type LinePlaces = { lines: WaitingLine[]; places: Map<string, QueueStatus> };

/**
 * Places for a whole site from one read of its lines and one of each line's capacity: the cost
 * is a few round trips however long the lines are, and no chat is read.
 */
export async function linePlaces(d: PlacesDeps, site: Site): Promise<LinePlaces> {
  const lines = (await d.routing.lines(site.id)).filter((l) => l.ids.length > 0);
  const now = new Date();
  const places = new Map<string, QueueStatus>();
  await Promise.all(
    lines.map(async (line) => {
      const facts = await lineFacts(d, site, {
        ...line,
        skill: await handleSkill(d, line),
        widened: line.skill === ANY_SKILL,
      });
      line.ids.forEach((id, i) => places.set(id, placeIn(site, facts, i + 1, now)));
    }),
  );
  return { lines, places };
}

/** Whose handle times estimate a line: its skill, or for the widened line that of the chat next in it. */
async function handleSkill(d: PlacesDeps, line: WaitingLine): Promise<string> {
  if (line.skill !== ANY_SKILL) return line.skill;
  const next = line.ids[0] ? await d.conversations.get(line.ids[0]) : null;
  return next?.skill ?? line.skill;
}
