"use client";
import { useCallback, useState } from "react";

/** An element's content width in pixels, kept current as it resizes; 0 until measured. */
export function useElementWidth<E extends HTMLElement>() {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: E | null) => {
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
