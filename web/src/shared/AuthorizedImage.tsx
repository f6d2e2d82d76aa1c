import { useEffect, useState, type CSSProperties } from 'react';
import { api } from './api';

/**
 * A photo the API serves only with the bearer token (a plain <img src> cannot send one): fetched
 * as a blob and shown from an object URL, released when the image goes.
 */
export function AuthorizedImage({
  path,
  alt,
  className,
  style,
}: {
  path: string;
  alt: string;
  className?: string;
  style?: CSSProperties;
}) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | undefined;
    let gone = false;
    api<Response>(path, { raw: true, headers: { Accept: 'image/*' } })
      .then((response) => response.blob())
      .then(
        (blob) => {
          if (!gone) {
            objectUrl = URL.createObjectURL(blob);
            setUrl(objectUrl);
          }
        },
        () => !gone && setFailed(true),
      );
    return () => {
      gone = true;
      if (objectUrl) {
        URL.revokeObjectURL(objectUrl);
      }
    };
  }, [path]);
  if (failed) {
    return (
      <span className={`${className ?? ''} m-img-failed`} style={style}>
        照片无法显示
      </span>
    );
  }
  return url ? (
    <img src={url} alt={alt} className={className} style={style} />
  ) : (
    <span className={`${className ?? ''} m-img-wait`} style={style} aria-label={alt} />
  );
}
