"use client";

import { useEffect, useRef, useState } from "react";
import type { DraftFields } from "@/lib/creators/draft";
import type { ReviewReport } from "@/lib/creators/review/types";
import { CATEGORIES, MODELS, TIERS, type Tier } from "@/lib/personas/schema";
import { ChecksEditor } from "./checks-editor";
import { DraftSubmit } from "./draft-submit";
import { PersonaPreview } from "./persona-preview";
import { errorMessage, sendJson } from "./send";

type Props = {
  draftId: string | null;
  initial: DraftFields;
  handle: string;
  /** The published persona this draft edits (its slug is fixed), if any. */
  personaId: string | null;
  tier: Tier;
  report: ReviewReport | null;
  submissionStatus: string | null;
  decisionReason: string | null;
  /** The latest submission's checks report (rendered on the server). */
  checksReport?: React.ReactNode;
};

const SAVE_DELAY_MS = 600;
const listText = (list: string[], sep: string) => list.join(sep);
const toList = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
const input =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Every field of a persona file, saved as the creator types, beside a live preview. */
export function DraftEditor(props: Props) {
  const [fields, setFields] = useState(props.initial);
  const [lists, setLists] = useState({
    tags: listText(props.initial.tags, ", "),
    tools: listText(props.initial.tools, ", "),
    worksWellWith: listText(props.initial.worksWellWith, ", "),
    starters: listText(props.initial.starters, "\n"),
  });
  const [draftId, setDraftId] = useState(props.draftId);
  const [saved, setSaved] = useState<"saved" | "saving" | "unsaved" | "error">("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [report, setReport] = useState(props.report);
  const [status, setStatus] = useState(props.submissionStatus);
  /** Checks of a submission made on this page: they run after the answer, so the report is not in it. */
  const [checksRunning, setChecksRunning] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef(true);
  const creating = useRef<Promise<string | null> | null>(null);

  const update = (patch: Partial<DraftFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setSaved("unsaved");
  };
  const updateList = (name: keyof typeof lists, text: string) => {
    setLists((l) => ({ ...l, [name]: text }));
    update({ [name]: toList(text, name === "starters" ? /\n/ : /,/) });
  };

  async function save(current: DraftFields): Promise<string | null> {
    setSaved("saving");
    try {
      let id = draftId;
      if (!id) {
        creating.current ??= sendJson("POST", "/api/studio/drafts", { fields: current }).then(
          (r) => (r as { id: string }).id,
        );
        id = await creating.current;
        setDraftId(id);
        window.history.replaceState(null, "", `/studio/drafts/${id}`);
      } else {
        await sendJson("PUT", `/api/studio/drafts/${id}`, { fields: current });
      }
      setSaved("saved");
      setMessage(null);
      return id;
    } catch (error) {
      setSaved("error");
      setMessage(errorMessage(error));
      return null;
    }
  }

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void save(fields), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields]);

  async function submit() {
    setBusy(true);
    const id = await save(fields);
    if (id) {
      try {
        const result = (await sendJson("POST", `/api/studio/drafts/${id}/submit`, {})) as {
          report: ReviewReport;
          status: string;
          checks: number;
        };
        setReport(result.report);
        setStatus(result.status);
        setChecksRunning(result.status === "pending" ? result.checks : 0);
        setMessage(null);
      } catch (error) {
        setMessage(errorMessage(error));
      }
    }
    setBusy(false);
  }

  async function upload(file: File) {
    const id = draftId ?? (await save(fields));
    if (!id) return;
    try {
      const response = await fetch(`/api/studio/drafts/${id}/picture`, { method: "POST", body: file });
      const body = (await response.json()) as { pictureId?: string; error?: { message: string } };
      if (!response.ok || !body.pictureId) throw new Error(body.error?.message ?? "The upload failed.");
      setFields((f) => ({ ...f, pictureId: body.pictureId! }));
      setMessage(null);
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  const field = (label: string, name: keyof DraftFields, el: React.ReactNode, hint?: string) => (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={`draft-${name}`}>{label}</label>
      {el}
      {hint && <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">{hint}</span>}
    </div>
  );
  const choice = (
    label: string,
    name: "category" | "model" | "requestedTier",
    options: [value: string, label: string][],
    hint?: string,
  ) =>
    field(
      label,
      name,
      <select
        id={`draft-${name}`}
        className={input}
        value={fields[name]}
        onChange={(e) => update({ [name]: e.target.value })}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>,
      hint,
    );
  const commaList = (label: string, name: "tags" | "tools" | "worksWellWith", hint: string) =>
    field(
      label,
      name,
      <input
        id={`draft-${name}`}
        className={input}
        value={lists[name]}
        onChange={(e) => updateList(name, e.target.value)}
      />,
      hint,
    );
  const text = (name: "name" | "description" | "avatar" | "version" | "changelog" | "slug", max: number) => (
    <input
      id={`draft-${name}`}
      className={input}
      value={fields[name]}
      maxLength={max}
      disabled={name === "slug" && Boolean(props.personaId)}
      onChange={(e) => update({ [name]: e.target.value })}
    />
  );

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form className="flex flex-col gap-4" onSubmit={(e) => e.preventDefault()} aria-label="Persona draft">
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status" data-testid="save-state">
          {saved === "saved"
            ? draftId
              ? "All changes saved"
              : "Start typing: the draft saves as you go"
            : null}
          {saved === "saving" && "Saving…"}
          {saved === "unsaved" && "Unsaved changes"}
          {saved === "error" && "Not saved"}
        </p>
        {field("Name", "name", text("name", 80))}
        {field(
          "Address",
          "slug",
          text("slug", 42),
          `Your persona's id will be ${props.handle}--${fields.slug || "…"} (lowercase, digits, dashes).`,
        )}
        {field("Description", "description", text("description", 300))}
        <div className="grid grid-cols-2 gap-4">
          {field("Avatar emoji", "avatar", text("avatar", 16))}
          {field(
            "Picture",
            "pictureId",
            <input
              id="draft-pictureId"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="text-sm"
              onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
            />,
            "PNG, JPEG or WebP, at most 2 MB: shown instead of the emoji.",
          )}
        </div>
        <div className="grid grid-cols-2 gap-4">
          {choice("Category", "category", Object.entries(CATEGORIES))}
          {choice(
            "Model",
            "model",
            MODELS.map((m) => [m, m]),
          )}
        </div>
        {commaList("Tags", "tags", "Comma-separated, lowercase kebab-case.")}
        {commaList("Tools", "tools", "Comma-separated, e.g. Read, Grep.")}
        {commaList("Works well with", "worksWellWith", "Comma-separated persona ids.")}
        {field(
          "Greeting",
          "greeting",
          <textarea
            id="draft-greeting"
            className={input}
            rows={2}
            maxLength={2000}
            value={fields.greeting}
            onChange={(e) => update({ greeting: e.target.value })}
          />,
        )}
        {field(
          "Conversation starters",
          "starters",
          <textarea
            id="draft-starters"
            className={input}
            rows={3}
            value={lists.starters}
            onChange={(e) => updateList("starters", e.target.value)}
          />,
          "One a line, at most 6.",
        )}
        {field(
          "Prompt (markdown)",
          "body",
          <textarea
            id="draft-body"
            className={`${input} font-mono`}
            rows={14}
            value={fields.body}
            onChange={(e) => update({ body: e.target.value })}
          />,
        )}
        <ChecksEditor initial={fields.checks} onChange={(checks) => update({ checks })} />
        <div className="grid grid-cols-2 gap-4">
          {field("Version", "version", text("version", 40), "Semantic version, above the published one.")}
          {choice(
            "Ask for tier",
            "requestedTier",
            TIERS.map((t) => [t, t]),
            "Personas publish free; a moderator decides on Pro or Max.",
          )}
        </div>
        {field("Changelog", "changelog", text("changelog", 300), "One line on what this version changes.")}
        <DraftSubmit
          message={message}
          busy={busy}
          onSubmit={() => void submit()}
          draftId={draftId}
          status={status}
          decision={status === props.submissionStatus ? props.decisionReason : null}
          report={report}
          checksRunning={checksRunning}
          checksReport={props.checksReport}
        />
      </form>
      <PersonaPreview fields={fields} tier={props.tier} />
    </div>
  );
}
