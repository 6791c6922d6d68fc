"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** How close to the end still counts as "at the bottom", in pixels. */
const NEAR = 48;

/**
 * Keeps a scroll area pinned to its end while its content grows, as long as the reader is there;
 * a scroll up lets go, and `follow()` (Jump to latest, or sending) takes hold again.
 */
export function useFollow<T extends HTMLElement, C extends HTMLElement>() {
  const scroller = useRef<T>(null);
  const content = useRef<C>(null);
  const following = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const toEnd = useCallback(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const follow = useCallback(() => {
    following.current = true;
    setAtBottom(true);
    toEnd();
  }, [toEnd]);

  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR;
    // Only a move upwards lets go: content that grew between a frame and this event also leaves
    // the end out of reach for a moment, and that is not the reader leaving.
    const up = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    if (bottom) following.current = true;
    else if (up) following.current = false;
    else if (following.current) return toEnd();
    setAtBottom(bottom);
  }, [toEnd]);

  useLayoutEffect(() => {
    toEnd();
  }, [toEnd]);

  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    // A wheel or swipe upwards is the reader leaving, even before the scroll position says so.
    const leave = (e: WheelEvent) => {
      if (e.deltaY < 0) following.current = false;
    };
    let touchY = 0;
    const touchStart = (e: TouchEvent) => {
      touchY = e.touches[0]?.clientY ?? 0;
    };
    const touchMove = (e: TouchEvent) => {
      if ((e.touches[0]?.clientY ?? 0) > touchY) following.current = false;
    };
    // The content grows, or the area shrinks (the actions row appears under it): keep the end in view.
    const grew = new ResizeObserver(() => {
      if (following.current) toEnd();
      else setAtBottom(el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR);
    });
    grew.observe(inner);
    grew.observe(el);
    el.addEventListener("wheel", leave, { passive: true });
    el.addEventListener("touchstart", touchStart, { passive: true });
    el.addEventListener("touchmove", touchMove, { passive: true });
    return () => {
      grew.disconnect();
      el.removeEventListener("wheel", leave);
      el.removeEventListener("touchstart", touchStart);
      el.removeEventListener("touchmove", touchMove);
    };
  }, [toEnd]);

  return { scroller, content, atBottom, follow, onScroll };
}
