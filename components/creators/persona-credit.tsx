import Link from "next/link";
import type { PersonaCredit } from "@/lib/creators/credit";
import { OpenDraftButton } from "./studio-actions";
import { ReportButton } from "./report-button";

/** On a persona page: its creator, what it was remixed from, its remixes, and the remix / report buttons. */
export function PersonaCreditLine({
  personaId,
  credit,
  canRemix,
  canReport,
}: {
  personaId: string;
  credit: PersonaCredit;
  canRemix: boolean;
  canReport: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="persona-credit">
      {credit.handle && (
        <span>
          By{" "}
          <Link className="font-medium underline" href={`/creators/${credit.handle}`}>
            @{credit.handle}
          </Link>
        </span>
      )}
      {credit.remixOf && (
        <span>
          Remixed from{" "}
          <Link className="underline" href={`/personas/${credit.remixOf.id}`}>
            {credit.remixOf.id}
          </Link>
          {credit.remixOf.version && ` v${credit.remixOf.version}`}
        </span>
      )}
      <span data-testid="remix-count">
        {credit.remixes} {credit.remixes === 1 ? "remix" : "remixes"}
      </span>
      {canRemix && <OpenDraftButton url={`/api/personas/${personaId}/remix`} label="Remix" />}
      {canReport && <ReportButton personaId={personaId} />}
    </div>
  );
}
