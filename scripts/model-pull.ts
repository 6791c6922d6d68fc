/**
 * Fetches the model the app runs itself when no provider key is set.
 *   npm run model:pull                                   the default model, into the data directory
 *   npm run model:pull -- <https://…/model.gguf> [--sha256 <hex>]
 *   npm run model:pull -- <path/to/model.gguf>           a file already on this machine
 * Resumes an interrupted download; a file that fails its checks is removed, never left in place.
 */
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";
import { DEFAULT_LOCAL_MODEL } from "@/lib/local-model/default-model";
import { pullModel, type PullProgress } from "@/lib/local-model/pull";
import { CliError, parseCli, runCli } from "./cli";

const usage =
  "usage: npm run model:pull [-- <url or path of a .gguf file>] [--sha256 <hex>]\n" +
  `       with nothing: ${DEFAULT_LOCAL_MODEL.name}, ${Math.round(DEFAULT_LOCAL_MODEL.bytes / 1e6)} MB, ${DEFAULT_LOCAL_MODEL.licence}`;

const MB = 1024 * 1024;

function progressBar(): PullProgress {
  let lastLine = 0;
  let lastTenth = -1;
  const began = Date.now();
  return (received, total) => {
    const now = Date.now();
    const fraction = total ? Math.min(1, received / total) : undefined;
    const rate = received / MB / Math.max(0.001, (now - began) / 1000);
    const text =
      fraction === undefined
        ? `${(received / MB).toFixed(1)} MB  ${rate.toFixed(1)} MB/s`
        : `[${"#".repeat(Math.round(fraction * 30)).padEnd(30, ".")}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${(received / MB).toFixed(1)}/${(total! / MB).toFixed(1)} MB  ${rate.toFixed(1)} MB/s`;
    if (process.stderr.isTTY) {
      if (now - lastLine < 100 && fraction !== 1) return;
      lastLine = now;
      process.stderr.write(`\r${text}`);
      if (fraction === 1) process.stderr.write("\n");
    } else {
      // Logs and CI: a line per tenth instead of a redrawn bar.
      const tenth = fraction === undefined ? Math.floor(received / (50 * MB)) : Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(`${text}\n`);
    }
  };
}

const sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "--sha256 must be 64 hexadecimal characters")
  .optional();

runCli(usage, async () => {
  const { positionals, flags } = parseCli(process.argv.slice(2), ["sha256"]);
  if (positionals.length > 1) throw new CliError("give one url or path");
  const wanted = positionals[0];
  const expectedSha = sha256.parse(flags.sha256);
  const settings = env().localModel;
  const modelsDir = path.dirname(settings.path);

  const plan = !wanted
    ? {
        source: { url: DEFAULT_LOCAL_MODEL.url },
        dest: settings.path,
        expect: { bytes: DEFAULT_LOCAL_MODEL.bytes, sha256: DEFAULT_LOCAL_MODEL.sha256 },
      }
    : /^https?:\/\//i.test(wanted)
      ? {
          source: { url: wanted },
          dest: path.join(modelsDir, path.basename(new URL(wanted).pathname) || "model.gguf"),
          expect: { sha256: expectedSha },
        }
      : {
          source: { file: path.resolve(wanted) },
          dest: path.join(modelsDir, path.basename(wanted)),
          expect: { sha256: expectedSha },
        };
  if (!plan.dest.toLowerCase().endsWith(".gguf"))
    throw new CliError("the model file's name must end in .gguf");

  console.error(`model: ${wanted ?? DEFAULT_LOCAL_MODEL.name} -> ${plan.dest}`);
  // A PullError's message says what happened and what to do; runCli prints it without a stack.
  {
    const result = await pullModel({ ...plan, onProgress: progressBar() });
    const what = result.alreadyThere
      ? "already there"
      : result.resumedFrom
        ? "resumed and checked"
        : "downloaded and checked";
    console.log(
      `${what}: ${result.file} (${(result.bytes / MB).toFixed(1)} MB${result.sha256 ? `, sha256 ${result.sha256}` : ""})`,
    );
    if (path.resolve(plan.dest) !== path.resolve(settings.path)) {
      console.log(`To chat with it: LOCAL_MODEL_PATH=${plan.dest} npm start`);
    } else {
      console.log("Start the app (npm start) with no provider key set, and chat uses it.");
    }
  }
});
