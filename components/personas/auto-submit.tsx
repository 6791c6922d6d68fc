"use client";

import { useEffect, useRef } from "react";

/**
 * Submits the surrounding GET form when a select changes, so filters apply at once with
 * JavaScript on; without it, the form's Apply button does the same.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    form.dataset.autoSubmit = "on";
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={ref} hidden />;
}
