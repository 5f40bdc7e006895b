/** What recovery needs of a client: its state changes, whether it is connected, what it holds. */
export type Watched = {
  subscribe(listener: () => void): unknown;
  online(): boolean;
  /** Per conversation, the ids it must hold once synced: what the other side had acked by now. */
  due(): Map<string, string[]>;
  /** The ids it holds of one conversation (null: it no longer shows that conversation). */
  holds(conversationId: string): ReadonlySet<string> | null;
};

/**
 * Recovery times of many clients: for each drop, from the moment the client noticed it until
 * it is connected again and holds every message the other side had acknowledged when it came
 * back (reconnect, hello or inbox, resync). Reported, not asserted.
 */
export class Recovery {
  readonly samples: number[] = [];
  drops = 0;

  watch(client: Watched): void {
    let wasOnline = false;
    let droppedAt: number | null = null;
    let target: Map<string, string[]> | null = null;
    const check = () => {
      const online = client.online();
      if (!online) {
        if (wasOnline && droppedAt === null) {
          droppedAt = Date.now();
          this.drops++;
        }
        wasOnline = false;
        target = null;
        return;
      }
      wasOnline = true;
      if (droppedAt === null) return;
      target ??= client.due();
      for (const [conversationId, ids] of target) {
        const held = client.holds(conversationId);
        if (held && ids.some((id) => !held.has(id))) return;
      }
      this.samples.push(Date.now() - droppedAt);
      droppedAt = null;
      target = null;
    };
    client.subscribe(check);
  }

  summary(): { drops: number; recovered: number; recoveryP50Ms: number | null; recoveryMaxMs: number | null } {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      drops: this.drops,
      recovered: sorted.length,
      recoveryP50Ms: sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? null) : null,
      recoveryMaxMs: sorted.at(-1) ?? null,
    };
  }
}
