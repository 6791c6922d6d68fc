/**
 * Operator CLI: runs a content-file persona's `checks:` against the configured model and stores the
 * report for its version (the persona page shows it). A creator's run on submit, within their quota.
 *   npm run checks -- <persona-id>
 */
import { z } from "zod";
import { startDatabase } from "@/lib/db/client";
import { getContentCatalog } from "@/lib/personas";
import { runPersonaChecks } from "@/lib/personas/checks";
import { CliError, parseCli, runCli } from "./cli";

const usage = "usage: npm run checks -- <persona-id>";

const schema = z.object({
  id: z.string({ error: "give a persona id" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "is not a persona id"),
});

runCli(usage, async () => {
  const { positionals } = parseCli(process.argv.slice(2), []);
  const { id } = schema.parse({ id: positionals[0] });
  const persona = getContentCatalog().byId.get(id);
  if (!persona) throw new CliError(`no content file has the persona id ${id}`);
  if (!persona.checks?.length) throw new CliError(`${id} has no checks: in its front matter`);
  const db = await startDatabase();
  const report = await runPersonaChecks({ persona, db });
  console.log(
    report.model
      ? `${id} ${persona.version}: passes ${report.passed} of ${report.total} checks (${report.model})`
      : `${id} ${persona.version}: ${report.total} checks not run: no model configured`,
  );
  for (const r of report.results)
    console.log(`  ${r.status.padEnd(7)}  ${r.message}${r.notes.length ? `  (${r.notes.join("; ")})` : ""}`);
});
