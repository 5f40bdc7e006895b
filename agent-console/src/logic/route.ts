export type Route =
  | { view: 'chats' }
  | { view: 'tickets' }
  | { view: 'ticket'; ticketId: string }
  | { view: 'dashboard' }
  | { view: 'supervise' }
  | { view: 'monitor'; conversationId: string }
  | { view: 'missed' }
  | { view: 'kb' }
  | { view: 'settings' }
  | { view: 'agents' }
  | { view: 'conversations' }
  | { view: 'conversation'; conversationId: string }
  | { view: 'audit' };

/** Views whose hash is their name alone. */
const plainViews = [
  'tickets',
  'dashboard',
  'supervise',
  'missed',
  'kb',
  'settings',
  'agents',
  'conversations',
  'audit',
] as const;

/** The console's place, kept in the URL hash so a reload or a shared link lands there. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const plain = plainViews.find((v) => v === path);
  if (plain) return { view: plain };
  const ticket = /^tickets\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (ticket?.[1]) return { view: 'ticket', ticketId: ticket[1] };
  const monitored = /^supervise\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (monitored?.[1]) return { view: 'monitor', conversationId: monitored[1] };
  const conversation = /^conversations\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (conversation?.[1]) return { view: 'conversation', conversationId: conversation[1] };
  return { view: 'chats' };
}

export function routeHash(route: Route): string {
  if (route.view === 'ticket') return `#/tickets/${route.ticketId}`;
  if (route.view === 'monitor') return `#/supervise/${route.conversationId}`;
  if (route.view === 'conversation') return `#/conversations/${route.conversationId}`;
  return `#/${route.view}`;
}
