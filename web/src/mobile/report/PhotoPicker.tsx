import { useEffect, useMemo, useState } from 'react';
import { admitPhotos, MAX_PHOTOS, type Refusal } from './photos';

/** A photo chosen for a report, and how its upload went. */
export interface ChosenPhoto {
  key: string;
  file: File;
  state: 'chosen' | 'sending' | 'sent' | 'failed';
  /** The shrunk JPEG, kept so that a retry sends the same bytes without shrinking again. */
  shrunk?: Blob;
  error?: string;
}

let counter = 0;

/** Up to nine photos, from the camera or the gallery, shown as thumbnails that can be removed. */
export function PhotoPicker({
  photos,
  onChange,
  readOnly,
}: {
  photos: ChosenPhoto[];
  onChange: (photos: ChosenPhoto[]) => void;
  readOnly?: boolean;
}) {
  const [refused, setRefused] = useState<Refusal[]>([]);
  const previews = useMemo(() => new Map(photos.map((photo) => [photo.key, URL.createObjectURL(photo.file)])), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  function add(list: FileList | null) {
    const { accepted, refused: left } = admitPhotos(photos.length, Array.from(list ?? []));
    setRefused(left);
    onChange([...photos, ...accepted.map((file) => ({ key: `p${++counter}`, file, state: 'chosen' as const }))]);
  }

  return (
    <>
      <ul className="m-photos" aria-label="现场照片">
        {photos.map((photo, index) => (
          <li key={photo.key} className={`m-photo m-photo-${photo.state}`}>
            <img src={previews.get(photo.key)} alt={`第 ${index + 1} 张照片`} />
            {photo.state === 'sending' && <span className="m-photo-badge">上传中</span>}
            {photo.state === 'sent' && <span className="m-photo-badge m-photo-ok">✓</span>}
            {photo.state === 'failed' && <span className="m-photo-badge m-photo-bad">失败</span>}
            {!readOnly && (
              <button
                type="button"
                className="m-photo-remove"
                aria-label={`删除第 ${index + 1} 张照片`}
                onClick={() => onChange(photos.filter((one) => one.key !== photo.key))}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {!readOnly && photos.length < MAX_PHOTOS && (
          <>
            <li className="m-photo m-photo-add">
              <label>
                <CameraIcon />
                拍照
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  data-testid="camera"
                  onChange={(e) => {
                    add(e.target.files);
                    e.target.value = '';
                  }}
                />
              </label>
            </li>
            <li className="m-photo m-photo-add">
              <label>
                <GalleryIcon />
                相册
                <input
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
                  multiple
                  data-testid="gallery"
                  onChange={(e) => {
                    add(e.target.files);
                    e.target.value = '';
                  }}
                />
              </label>
            </li>
          </>
        )}
      </ul>
      {!readOnly && (
        <p className="m-hint">照片会在手机上压缩后上传，不含拍摄设备和位置等信息。</p>
      )}
      {refused.length > 0 && (
        <p className="m-field-error" role="alert">
          {refused.map((one) => `${one.name}：${one.reason}`).join('；')}
        </p>
      )}
    </>
  );
}

// Drawn icons: a phone may lack an emoji font (and Chromium here does).
function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M4 8h3l2-2.5h6L17 8h3v11H4z" strokeLinejoin="round" />
      <circle cx="12" cy="13" r="3.6" />
    </svg>
  );
}

function GalleryIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3.5" y="5" width="17" height="14" rx="1.5" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="M4 17l5-4.5 3.5 3 3-2.5 4.5 4" strokeLinejoin="round" />
    </svg>
  );
}
