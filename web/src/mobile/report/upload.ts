import { api } from '../../shared/api';
import type { ChosenPhoto } from './PhotoPicker';
import { MAX_UPLOAD_BYTES, megabytes, shrinkPhoto } from './photos';

type Update = (change: (photos: ChosenPhoto[]) => ChosenPhoto[]) => void;

/**
 * Sends the photos not sent yet to the case, one request each, so that one failure names one
 * photo and the others still arrive. Each photo is shrunk first (once; a retry sends the same bytes).
 */
export async function uploadPhotos(caseId: string, photos: ChosenPhoto[], update: Update): Promise<void> {
  const set = (key: string, change: Partial<ChosenPhoto>) =>
    update((now) => now.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));
  for (const photo of photos) {
    if (photo.state === 'sent') {
      continue;
    }
    set(photo.key, { state: 'sending', error: undefined });
    try {
      const shrunk = photo.shrunk ?? (await shrinkPhoto(photo.file));
      if (shrunk.size > MAX_UPLOAD_BYTES) {
        set(photo.key, { state: 'failed', shrunk, error: `压缩后仍有 ${megabytes(shrunk.size)}，超过 10 MB` });
        continue;
      }
      const form = new FormData();
      form.append('stage', 'REPORT');
      form.append('file', shrunk, jpegName(photo.file.name));
      await api(`/api/cases/${caseId}/attachments`, { method: 'POST', body: form });
      set(photo.key, { state: 'sent', shrunk });
    } catch (failure) {
      set(photo.key, {
        state: 'failed',
        error: failure instanceof Error && failure.message !== 'canvas' && failure.message !== 'toBlob'
          ? failure.message
          : '无法读取此照片',
      });
    }
  }
}

/** The file name the service sees: the phone's own name (IMG_2034), as a JPEG. */
function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}
