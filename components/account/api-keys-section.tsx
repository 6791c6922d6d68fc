import Link from "next/link";
import type { ApiKeySummary } from "@/lib/api/keys";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const when = (d: Date | null) =>
  d ? d.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "Never";

/** The account's API keys: create (when the plan includes the API), list, revoke. Plain data in. */
export function ApiKeysSection({
  keys,
  canCreate,
  accessNote,
  baseUrl,
  snippets,
}: {
  keys: ApiKeySummary[];
  canCreate: boolean;
  accessNote: string;
  baseUrl: string;
  snippets: { curl: string; python: string };
}) {
  const live = keys.filter((k) => !k.revokedAt);
  const revoked = keys.filter((k) => k.revokedAt);
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p>
        Call any persona you can chat with from your own code, with any OpenAI-compatible client: the model is
        the persona’s id. Messages count against the same daily allowance as chat. {accessNote}
      </p>
      <p>
        Base URL:{" "}
        <code
          className="select-all rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800"
          data-testid="api-base-url"
        >
          {baseUrl}
        </code>
      </p>
      <details>
        <summary className="cursor-pointer">Examples: curl and Python</summary>
        <p className="mt-2">Put your key in the PERSONA_MARKET_API_KEY environment variable, then:</p>
        {[snippets.curl, snippets.python].map((code, i) => (
          <pre
            key={i}
            className="mt-2 overflow-x-auto rounded bg-zinc-100 p-3 font-mono text-xs select-all dark:bg-zinc-800"
          >
            <code>{code}</code>
          </pre>
        ))}
      </details>
      {canCreate ? (
        <CreateApiKeyForm />
      ) : (
        <p>
          <Link href="/pricing" className="text-indigo-700 underline dark:text-indigo-300">
            Compare plans
          </Link>
        </p>
      )}
      {live.length > 0 ? (
        <table className="w-full text-left" aria-label="Your API keys">
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Key</th>
              <th className="py-1 font-medium">Created</th>
              <th className="py-1 font-medium">Last used</th>
              <th className="py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((k) => (
              <tr key={k.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-2 pr-2 break-all">{k.name}</td>
                <td className="py-2 pr-2 font-mono text-xs">{k.prefix}</td>
                <td className="py-2 pr-2">{when(k.createdAt)}</td>
                <td className="py-2 pr-2">{when(k.lastUsedAt)}</td>
                <td className="py-2 text-right">
                  <RevokeApiKeyButton id={k.id} name={k.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">You have no API keys.</p>
      )}
      {revoked.length > 0 && (
        <details>
          <summary className="cursor-pointer">Revoked keys ({revoked.length})</summary>
          <ul className="mt-2 flex flex-col gap-1">
            {revoked.map((k) => (
              <li key={k.id}>
                {k.name} <span className="font-mono text-xs">{k.prefix}</span> · revoked {when(k.revokedAt)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
