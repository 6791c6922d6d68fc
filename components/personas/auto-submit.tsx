"use client";

import { useEffect, useRef } from "react";

/** Keys that step a closed select through its options in Chromium, firing a change each step. */
const STEP_KEYS = new Set([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
  "PageUp",
  "PageDown",
]);

/**
 * Submits the surrounding GET form when a select changes, so filters apply at once with
 * JavaScript on; without it, the form's Apply button does the same. A change made with the
 * keyboard waits for Enter (or leaving the select), so arrowing through options does not load a
 * page per step. Empty fields are left out of the URL.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    let keyed = false;
    let pending = false;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.target instanceof HTMLSelectElement)) return;
      if (e.key === "Enter") {
        e.preventDefault();
        pending = false;
        form.requestSubmit();
      } else if (STEP_KEYS.has(e.key) || e.key.length === 1) {
        keyed = true;
      }
    };
    const onChange = (e: Event) => {
      if (!(e.target instanceof HTMLSelectElement)) return;
      if (keyed) {
        pending = true;
        keyed = false;
        return;
      }
      form.requestSubmit();
    };
    const onPointer = () => {
      keyed = false;
    };
    const onBlur = (e: FocusEvent) => {
      if (e.target instanceof HTMLSelectElement && pending) {
        pending = false;
        form.requestSubmit();
      }
    };
    const onFormData = (e: FormDataEvent) => {
      for (const [key, value] of [...e.formData.entries()]) if (value === "") e.formData.delete(key);
    };
    form.addEventListener("keydown", onKeyDown);
    form.addEventListener("change", onChange);
    form.addEventListener("pointerdown", onPointer);
    form.addEventListener("focusout", onBlur);
    form.addEventListener("formdata", onFormData);
    form.dataset.autoSubmit = "on";
    return () => {
      form.removeEventListener("keydown", onKeyDown);
      form.removeEventListener("change", onChange);
      form.removeEventListener("pointerdown", onPointer);
      form.removeEventListener("focusout", onBlur);
      form.removeEventListener("formdata", onFormData);
    };
  }, []);
  // data-auto-submit: public/visitor.js does the same on a cached page served without React.
  return <span ref={ref} hidden data-auto-submit="" />;
}
