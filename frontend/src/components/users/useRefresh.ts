import { useEffect, useRef } from 'react';

/** Asks a page of the list again from the server whenever `refresh` changes (not at first). */
export function useRefresh(refresh: number, reexecute: (opts: { requestPolicy: 'network-only' }) => void) {
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
}
