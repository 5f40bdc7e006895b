import { CascadeError, MAX_TAGS } from '@cascade/shared';
import type { Db } from './db.ts';

/** Tags live on archived conversations; the archive's upserts never touch them. */
export function conversationTags(db: Db) {
  return {
    async add(conversationId: string, tag: string): Promise<string[]> {
      const [row] = await db.query<{ tags: string[] }>(
        `UPDATE conversations
         SET tags = CASE WHEN tags @> ARRAY[$2]::text[] THEN tags ELSE array_append(tags, $2) END
         WHERE id = $1 AND (tags @> ARRAY[$2]::text[] OR cardinality(tags) < $3)
         RETURNING tags`,
        [conversationId, tag, MAX_TAGS],
      );
      if (!row) throw new CascadeError('invalid_payload', `a conversation has at most ${MAX_TAGS} tags`);
      return row.tags;
    },

    async remove(conversationId: string, tag: string): Promise<string[]> {
      const [row] = await db.query<{ tags: string[] }>(
        `UPDATE conversations SET tags = array_remove(tags, $2) WHERE id = $1 RETURNING tags`,
        [conversationId, tag],
      );
      return row?.tags ?? [];
    },
  };
}
export type ConversationTags = ReturnType<typeof conversationTags>;
