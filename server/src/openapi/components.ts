import * as shared from '@cascade/shared';
import { z } from 'zod';

/**
 * The shared records the description names once (`#/components/schemas/Ticket`) instead of
 * repeating them in every answer that holds one.
 */
export const components = z.registry<{ id: string }>();
const names = [
  'Agent',
  'ApiToken',
  'AuditEntry',
  'BotDecision',
  'CannedReply',
  'Conversation',
  'Delivery',
  'ErrorBody',
  'KbEntry',
  'Membership',
  'Message',
  'PageView',
  'PendingInvitation',
  'RetentionSettings',
  'Site',
  'Ticket',
  'TicketSummary',
  'Visitor',
] as const;
/** The named records by their name. */
export const namedSchemas: ReadonlyMap<string, z.ZodType> = new Map(names.map((name) => [name, shared[name]]));
for (const [id, schema] of namedSchemas) components.add(schema, { id });
