import type { AttachmentType } from '@cascade/shared';

/** Larger images are refused unread: a small file can claim billions of pixels (a decompression bomb). */
export const MAX_IMAGE_PIXELS = 40_000_000;
const THUMB_SIZE = 320;

export type Processed = { bytes: Buffer; width: number; height: number; thumb: Buffer };

/**
 * The image drawn again from its pixels: whatever else the file carried (EXIF, GPS, comments,
 * a script appended after the image data) is gone. Orientation is applied first, so a photo
 * stands as it was taken once its EXIF is dropped.
 */
export async function reencode(bytes: Buffer, type: AttachmentType): Promise<Processed> {
  // Loaded with the first image: sharp's native library is slow to load, and most processes never draw one.
  const { default: sharp } = await import('sharp');
  const animated = type === 'image/gif' || type === 'image/webp';
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated });
  const pipeline = input().rotate();
  const encoded =
    type === 'image/png'
      ? pipeline.png()
      : type === 'image/jpeg'
        ? pipeline.jpeg({ quality: 90 })
        : type === 'image/gif'
          ? pipeline.gif()
          : pipeline.webp({ quality: 90 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const thumb = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  return { bytes: data, width: info.width, height: info.pageHeight ?? info.height, thumb };
}
