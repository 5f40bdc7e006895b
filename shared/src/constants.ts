import type { ConversationState } from './conversation.ts';
import type { Locale } from './locale.ts';
import type { TicketStatus } from './ticket.ts';

/**
 * Plain values shared by every package, importable without zod (`@cascade/shared/constants`)
 * so the browser bundles stay small.
 */
export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** A site's limit per file unless it sets its own, and the most it may set. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const rtlLocales: ReadonlySet<Locale> = new Set(['ar', 'fa']);
export const openStates: ReadonlySet<ConversationState> = new Set(['bot', 'queued', 'assigned', 'offered_ticket']);
/** A ticket's states in the order a case moves through them. */
export const ticketStatuses: readonly TicketStatus[] = ['open', 'pending', 'solved'];
