import { randomBytes } from 'node:crypto';
import {
  CascadeError,
  DEFAULT_ATTACHMENT_SETTINGS,
  imageTypes,
  type Attachment,
  type AttachmentType,
  type Site,
} from '@cascade/shared';
import type { Log } from '../log.ts';
import { reencode } from './images.ts';
import { safeName } from './names.ts';
import type { FileRecords } from './records.ts';
import type { Scanner } from './scan.ts';
import { sniff } from './sniff.ts';
import type { FileStorage } from './storage.ts';

export type UploadsDeps = { storage: FileStorage; records: FileRecords; scanner: Scanner; log: Log };

/** Whose upload this is and where it goes: a visitor's may come before their conversation. */
export type Uploader = {
  site: Site;
  conversationId: string | null;
  visitorId: string | null;
  /** `visitor:<id>` or `agent:<id>`: with the client's upload id, what makes a retry the same upload. */
  who: string;
};

const typeNames: Partial<Record<AttachmentType, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'text/plain': 'text',
};

export const settingsOf = (site: Site) => site.attachments ?? DEFAULT_ATTACHMENT_SETTINGS;

export function tooLarge(maxBytes: number): CascadeError {
  return new CascadeError('file_too_large', `files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB`);
}

/**
 * Turns bytes into a stored attachment: checked against the site's limits by what the bytes
 * are, images drawn again without their metadata, scanned, then stored. The same upload id
 * again returns the file stored the first time.
 */
export function uploads(d: UploadsDeps) {
  async function check(site: Site, bytes: Buffer): Promise<AttachmentType> {
    const settings = settingsOf(site);
    if (bytes.length > settings.maxBytes) throw tooLarge(settings.maxBytes);
    const type = await sniff(bytes);
    if (!type || !settings.allowedTypes.includes(type)) {
      const accepted = settings.allowedTypes.map((t) => typeNames[t] ?? t).join(', ');
      throw new CascadeError(
        'file_type_not_allowed',
        accepted ? `this kind of file cannot be sent here; accepted: ${accepted}` : 'files cannot be sent here',
      );
    }
    return type;
  }

  async function prepare(bytes: Buffer, type: AttachmentType) {
    if (!imageTypes.has(type)) return { bytes, thumb: null, width: undefined, height: undefined };
    try {
      return await reencode(bytes, type);
    } catch (e) {
      d.log.info({ err: (e as Error).message }, 'refused an image that could not be read safely');
      throw new CascadeError('file_rejected', 'this image could not be read; try another file');
    }
  }

  return {
    async accept(u: Uploader, uploadId: string, rawName: string, bytes: Buffer): Promise<Attachment> {
      const uploadKey = `${u.who}:${uploadId}`;
      const known = await d.records.byUpload(u.site.id, uploadKey);
      if (known) return known;
      const type = await check(u.site, bytes);
      const ready = await prepare(bytes, type);
      const verdict = await d.scanner.scan(ready.bytes);
      if (!verdict.clean) {
        d.log.warn({ siteId: u.site.id, reason: verdict.reason }, 'a scan refused a file');
        throw new CascadeError('file_rejected', 'this file was refused by a safety check');
      }
      const id = `f_${randomBytes(16).toString('base64url')}`;
      const stored = [`${u.site.id}/${id}/file`, ...(ready.thumb ? [`${u.site.id}/${id}/thumb`] : [])];
      await d.storage.put(stored[0]!, ready.bytes, type);
      if (ready.thumb) await d.storage.put(stored[1]!, ready.thumb, 'image/webp');
      const { record, isNew } = await d.records.insert(
        {
          id,
          name: safeName(rawName, type),
          type,
          size: ready.bytes.length,
          image: ready.thumb !== null,
          ...(ready.width !== undefined ? { width: ready.width, height: ready.height } : {}),
          siteId: u.site.id,
          conversationId: u.conversationId,
          visitorId: u.visitorId,
          stored,
        },
        uploadKey,
      );
      // The same upload, sent twice at once, was stored by the other try: these bytes are spare.
      if (!isNew) await d.storage.remove(stored);
      return record;
    },
  };
}
export type Uploads = ReturnType<typeof uploads>;
