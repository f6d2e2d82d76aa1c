import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads something from the API and keeps the last good answer while it reloads (so a live
 * update never blanks a screen). `deps` decide when to load again.
 */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    loader.current().then(
      (value) => {
        if (call === latest.current) {
          setData(value);
          setError(undefined);
          setLoading(false);
        }
      },
      (failure: unknown) => {
        if (call === latest.current) {
          setError(failure);
          setLoading(false);
        }
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
