interface View {
  id: string;
  version?: number;
}

/**
 * Whether a pushed view of a conversation replaces the one held: views carry the conversation's
 * version, and one older than what is held was made before a change the client already knows.
 */
export const isCurrent = (held: View | null, incoming: View): boolean =>
  held?.id !== incoming.id || !((incoming.version ?? Infinity) < (held.version ?? 0));
