import { useEffect, useState } from 'react';

/** Below Ant Design's md breakpoint (a phone held upright, 390 px): the console drops what does not fit. */
export const NARROW_QUERY = '(max-width: 767.98px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(NARROW_QUERY);
    const changed = () => setNarrow(media.matches);
    media.addEventListener?.('change', changed);
    changed();
    return () => media.removeEventListener?.('change', changed);
  }, []);
  return narrow;
}
