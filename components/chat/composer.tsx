"use client";

import { useLayoutEffect, useRef, useSyncExternalStore, type FormEvent, type KeyboardEvent } from "react";

const MAX = 8000;
/** The box grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 200;
/** A click this soon after Send turned into Stop is a double click on Send, not a Stop. */
const STOP_GRACE_MS = 400;

const coarseQuery = "(pointer: coarse)";
function subscribeCoarse(onChange: () => void) {
  const query = window.matchMedia(coarseQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
/** A touch screen: its keyboard's Enter makes a new line and the Send button sends. */
function useCoarsePointer() {
  return useSyncExternalStore(
    subscribeCoarse,
    () => window.matchMedia(coarseQuery).matches,
    () => false,
  );
}

export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  busy,
  personaName,
}: {
  value: string;
  onChange: (v: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  /** A reply is being written: the Send button is Stop until it ends. */
  busy: boolean;
  personaName: string;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  const busySince = useRef(0);
  const touch = useCoarsePointer();
  const text = value.trim();
  const tooLong = value.length > MAX;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight + 2, MAX_HEIGHT_PX)}px`;
  }, [value]);

  // Text typed before the page's scripts ran (a slow connection) is in the box but not in React's
  // state, and the next render would empty the box: the state takes it instead.
  useLayoutEffect(() => {
    const typed = box.current?.value ?? "";
    if (typed && !value) onChange(typed);
    // Opening a chat on a computer puts the cursor in the box (on a phone it would pop the keyboard).
    if (document.activeElement === document.body && window.matchMedia("(pointer: fine)").matches)
      box.current?.focus({ preventScroll: true });
    // Once, when the box first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const button = useRef<HTMLButtonElement>(null);
  /** Sent with the button: its focus goes back to the box when the reply ends. */
  const sentFromButton = useRef(false);
  const stoppedByTap = useRef(false);
  useLayoutEffect(() => {
    if (busy) busySince.current = Date.now();
    // Stop turns back into an empty Send, which can't hold focus: the box takes it. While the chat
    // client is still loading on the first Send, the emptied (disabled) Send can drop focus to the
    // page before Stop appears; that focus goes back to the box too.
    // Stopped on a touch screen: the box is left alone, focusing it would pop the keyboard up.
    else if (stoppedByTap.current) stoppedByTap.current = false;
    else if (
      document.activeElement === button.current ||
      (sentFromButton.current && document.activeElement === document.body)
    ) {
      sentFromButton.current = false;
      box.current?.focus();
    }
  }, [busy]);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!text || tooLong || busy) return;
    sentFromButton.current = document.activeElement === button.current;
    onSend(text);
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing && !touch) submit(e);
  }
  // One button, Send or Stop, so focus stays on it when it changes.
  return (
    <form onSubmit={submit} className="flex flex-col gap-1 pb-2">
      <div className="flex items-end gap-2">
        <label htmlFor="chat-input" className="sr-only">
          Message {personaName}
        </label>
        <textarea
          ref={box}
          id="chat-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          enterKeyHint={touch ? "enter" : "send"}
          placeholder={`Message ${personaName}…`}
          aria-invalid={tooLong || undefined}
          aria-describedby="chat-input-hint"
          className="min-h-11 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        {busy ? (
          <button
            ref={button}
            type="button"
            onClick={() => {
              if (Date.now() - busySince.current >= STOP_GRACE_MS) {
                stoppedByTap.current = touch;
                onStop();
              }
            }}
            className="min-h-11 rounded-xl border border-zinc-400 bg-white px-4 py-2.5 font-semibold text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            Stop
          </button>
        ) : (
          <button
            ref={button}
            type="submit"
            disabled={!text || tooLong}
            className="min-h-11 rounded-xl bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            Send
          </button>
        )}
      </div>
      <p
        id="chat-input-hint"
        className={`text-xs ${tooLong ? "text-rose-700 dark:text-rose-400" : "text-zinc-600 dark:text-zinc-400"} ${tooLong || !touch ? "" : "sr-only"}`}
      >
        {tooLong
          ? `Too long: ${value.length} of ${MAX} characters.`
          : touch
            ? "Send with the Send button."
            : "Enter to send, Shift+Enter for a new line."}
      </p>
    </form>
  );
}
