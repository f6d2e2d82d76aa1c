// Photos of a report: at most nine, shrunk on the phone before they travel. A phone camera makes
// 4000 × 3000 pictures of 3–8 MB; drawn again on a canvas at 1600 px they become JPEGs of a few
// hundred kB, and the new file carries no EXIF (no phone model, no exact position), so nothing
// personal leaves the phone beyond the picture itself.

export const MAX_PHOTOS = 9;
/** case-service refuses photos above 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A picture larger than this is not a phone photo; reading it could exhaust the phone's memory. */
export const MAX_ORIGINAL_BYTES = 40 * 1024 * 1024;
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.82;

/** What the browser can draw on a canvas (HEIC only on Safari, which hands JPEG to file inputs anyway). */
const READABLE = /^image\/(jpeg|png|webp|heic|heif|gif|bmp)$/;

export interface Refusal {
  name: string;
  reason: string;
}

/** Which of the chosen files are taken, and why the others are not (in Chinese). */
export function admitPhotos(alreadyChosen: number, files: File[]): { accepted: File[]; refused: Refusal[] } {
  const accepted: File[] = [];
  const refused: Refusal[] = [];
  for (const file of files) {
    if (!READABLE.test(file.type)) {
      refused.push({ name: file.name, reason: '不是照片（支持 JPEG、PNG、WebP）' });
    } else if (file.size > MAX_ORIGINAL_BYTES) {
      refused.push({ name: file.name, reason: `照片过大（${megabytes(file.size)}，最大 40 MB）` });
    } else if (alreadyChosen + accepted.length >= MAX_PHOTOS) {
      refused.push({ name: file.name, reason: `最多 ${MAX_PHOTOS} 张照片` });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, refused };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The size a picture is drawn at: its longest side at most {@link MAX_SIDE}, never enlarged. */
export function scaledSize(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) {
    return { width, height };
  }
  const factor = maxSide / longest;
  return { width: Math.round(width * factor), height: Math.round(height * factor) };
}

/**
 * Draws the photo again at most 1600 px wide as a JPEG. createImageBitmap turns the picture the
 * way the camera held it (EXIF orientation) before the orientation is thrown away with the rest
 * of the metadata.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) {
      throw new Error('canvas');
    }
    // A transparent PNG would turn black as a JPEG.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    let quality = JPEG_QUALITY;
    let blob = await toJpeg(canvas, quality);
    while (blob.size > MAX_UPLOAD_BYTES && quality > 0.4) {
      quality -= 0.15;
      blob = await toJpeg(canvas, quality);
    }
    return blob;
  } finally {
    bitmap.close();
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', quality),
  );
}
