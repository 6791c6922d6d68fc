/**
 * Operator CLI for reported reviews.
 *   npm run reviews -- list-reported
 *   npm run reviews -- hide <review-id>
 *   npm run reviews -- restore <review-id>
 */
import { z } from "zod";
import { moderateReview, reviewIdSchema } from "@/lib/community/review-moderation";
import { startDatabase } from "@/lib/db/client";
import { listReportedReviews } from "@/lib/db/queries/reviews";
import { CliError, parseCli, runCli } from "./cli";

const usage =
  "usage: npm run reviews -- list-reported\n       npm run reviews -- hide <review-id>\n       npm run reviews -- restore <review-id>";

const schema = z.discriminatedUnion(
  "command",
  [
    z.object({ command: z.literal("list-reported") }),
    z.object({ command: z.literal("hide"), id: reviewIdSchema }),
    z.object({ command: z.literal("restore"), id: reviewIdSchema }),
  ],
  { error: "the command must be list-reported, hide or restore" },
);

runCli(usage, async () => {
  const { positionals } = parseCli(process.argv.slice(2), []);
  const args = schema.parse({ command: positionals[0], id: positionals[1] });
  const db = await startDatabase();
  if (args.command === "list-reported") {
    const reported = await listReportedReviews({ db });
    if (reported.length === 0) return console.log("no reported reviews");
    for (const r of reported) {
      const text = (r.body ?? "").replace(/\s+/g, " ").slice(0, 80);
      console.log(
        `${r.id}  ${r.personaId}  ${r.rating}★  ${r.reports} report${r.reports === 1 ? "" : "s"}${r.hidden ? "  (hidden)" : ""}  ${JSON.stringify(text)}`,
      );
      for (const reason of r.reasons) console.log(`    reason: ${JSON.stringify(reason.slice(0, 200))}`);
    }
    return;
  }
  const hidden = args.command === "hide";
  if (!(await moderateReview({ db, id: args.id, hidden })))
    throw new CliError(`no review has the id ${args.id}`);
  console.log(`${args.id}: ${hidden ? "hidden" : "restored"}`);
});
