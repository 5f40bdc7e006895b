import { Attachment, type AttachmentUsage } from '@cascade/shared';
import type { Db } from '../history/db.ts';

/** A file's facts beside its owners: whose it is, and where its bytes are kept. */
export type FileRecord = Attachment & {
  siteId: string;
  conversationId: string | null;
  visitorId: string | null;
  stored: string[];
  messageKey: string | null;
  internal: boolean;
  /** The visitor uploaded it (an agent's file reaches the visitor only with its message). */
  byVisitor: boolean;
};

/** What an upload stores; who carries it is settled when a message claims it. */
export type NewFileRecord = Omit<FileRecord, 'messageKey' | 'internal' | 'byVisitor'>;

type Row = {
  id: string;
  site_id: string;
  conversation_id: string | null;
  visitor_id: string | null;
  name: string;
  type: string;
  size: number;
  image: boolean;
  width: number | null;
  height: number | null;
  stored: string[];
  message_key: string | null;
  internal: boolean;
  upload_key: string;
};

const COLUMNS = `id, site_id, conversation_id, visitor_id, name, type, size, image, width, height, stored, message_key,
  internal, upload_key`;

function toRecord(r: Row): FileRecord {
  return {
    ...Attachment.parse({
      id: r.id,
      name: r.name,
      type: r.type,
      size: r.size,
      image: r.image,
      ...(r.width !== null ? { width: r.width } : {}),
      ...(r.height !== null ? { height: r.height } : {}),
    }),
    siteId: r.site_id,
    conversationId: r.conversation_id,
    visitorId: r.visitor_id,
    stored: r.stored,
    messageKey: r.message_key,
    internal: r.internal,
    byVisitor: r.upload_key.startsWith('visitor:'),
  };
}

/** Who may attach a file to a message: the conversation's visitor, or an agent of its site. */
export type Claimant = {
  siteIds: readonly string[];
  conversationId: string;
  visitorId: string | null;
  /** The message is an internal note. */
  internal: boolean;
};

export function fileRecords(db: Db) {
  return {
    async get(id: string): Promise<FileRecord | null> {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM files WHERE id = $1`, [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async byUpload(siteId: string, uploadKey: string): Promise<FileRecord | null> {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM files WHERE site_id = $1 AND upload_key = $2`, [
        siteId,
        uploadKey,
      ]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    /** Stores the record unless the same upload got there first; returns the one that is kept. */
    async insert(f: NewFileRecord, uploadKey: string): Promise<{ record: FileRecord; isNew: boolean }> {
      const rows = await db.query<Row>(
        `INSERT INTO files (id, site_id, conversation_id, visitor_id, upload_key, name, type, size, image, width,
           height, stored)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (site_id, upload_key) DO NOTHING RETURNING ${COLUMNS}`,
        [
          f.id,
          f.siteId,
          f.conversationId,
          f.visitorId,
          uploadKey,
          f.name,
          f.type,
          f.size,
          f.image,
          f.width ?? null,
          f.height ?? null,
          f.stored,
        ],
      );
      if (rows[0]) return { record: toRecord(rows[0]), isNew: true };
      const kept = await this.byUpload(f.siteId, uploadKey);
      if (!kept) throw new Error('an upload vanished while it was stored again');
      return { record: kept, isNew: false };
    },

    /**
     * Gives the files to one message, all or none: each must be the claimant's, of this
     * conversation (a visitor's may still have none), and not carried by another message. The
     * same message sent again claims them again. Returns null when any file fails.
     */
    async claim(ids: readonly string[], who: Claimant, messageKey: string): Promise<Attachment[] | null> {
      return db
        .transaction(async (tx) => {
          const rows = await tx.query<Row>(
            `UPDATE files SET conversation_id = $2, message_key = $3, internal = $6
           WHERE id = ANY($1::text[]) AND site_id = ANY($4::text[])
             AND (conversation_id = $2 OR (conversation_id IS NULL AND visitor_id IS NOT DISTINCT FROM $5::text))
             AND (message_key IS NULL OR message_key = $3)
           RETURNING ${COLUMNS}`,
            [ids, who.conversationId, messageKey, who.siteIds, who.visitorId, who.internal],
          );
          if (rows.length !== ids.length) throw new ClaimRefused();
          const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
          return ids
            .map((id) => byId.get(id)!)
            .map(({ id, name, type, size, image, width, height }) =>
              Attachment.parse({ id, name, type, size, image, width, height }),
            );
        })
        .catch((e: unknown) => {
          if (e instanceof ClaimRefused) return null;
          throw e;
        });
    },

    /** A message that was not stored after all lets its files go. */
    async release(messageKey: string): Promise<void> {
      await db.query(`UPDATE files SET message_key = NULL WHERE message_key = $1`, [messageKey]);
    },

    /** Removes the records of these conversations' files, returning their storage keys. */
    async removeConversations(conversationIds: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ stored: string[] }>(
        `DELETE FROM files WHERE conversation_id = ANY($1::text[]) RETURNING stored`,
        [conversationIds],
      );
      return rows.flatMap((r) => r.stored);
    },

    /** Removes the records of every file of a visitor, returning their storage keys. */
    async removeVisitor(siteId: string, visitorId: string): Promise<string[]> {
      const rows = await db.query<{ stored: string[] }>(
        `DELETE FROM files WHERE site_id = $1 AND visitor_id = $2 RETURNING stored`,
        [siteId, visitorId],
      );
      return rows.flatMap((r) => r.stored);
    },

    /** Removes the records of a site's files made before `cutoff`, returning their storage keys. */
    async removeOlder(siteId: string, cutoff: Date): Promise<string[]> {
      const rows = await db.query<{ stored: string[] }>(
        `DELETE FROM files WHERE site_id = $1 AND created_at < $2 RETURNING stored`,
        [siteId, cutoff],
      );
      return rows.flatMap((r) => r.stored);
    },

    /** Removes the records of these files of a site, returning their storage keys. */
    async removeFiles(siteId: string, ids: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ stored: string[] }>(
        `DELETE FROM files WHERE site_id = $1 AND id = ANY($2::text[]) RETURNING stored`,
        [siteId, ids],
      );
      return rows.flatMap((r) => r.stored);
    },

    /** Lets the conversation's visitor open these files too: what only agents saw is now part of the thread. */
    async share(siteId: string, ids: readonly string[]): Promise<void> {
      await db.query(`UPDATE files SET internal = false WHERE site_id = $1 AND id = ANY($2::text[])`, [siteId, ids]);
    },

    /** Files no message took within `olderThanMs`: an upload that was cancelled or never sent. */
    async removeUnclaimed(olderThanMs: number): Promise<string[]> {
      const rows = await db.query<{ stored: string[] }>(
        `DELETE FROM files WHERE message_key IS NULL AND created_at < now() - ($1::double precision * interval '1 millisecond')
         RETURNING stored`,
        [olderThanMs],
      );
      return rows.flatMap((r) => r.stored);
    },

    async usage(siteId: string): Promise<AttachmentUsage> {
      const [row] = await db.query<{ files: number; bytes: number }>(
        `SELECT count(*)::integer AS files, coalesce(sum(size), 0)::float8 AS bytes FROM files WHERE site_id = $1`,
        [siteId],
      );
      return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
    },
  };
}
export type FileRecords = ReturnType<typeof fileRecords>;

class ClaimRefused extends Error {}
