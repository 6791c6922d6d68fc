/**
 * npm run content:generate -- --count N --out DIR [--seed S] [--force]: writes N synthetic,
 * valid persona files for load tests and benchmarks. Deterministic for a seed.
 */
import { runGenerate } from "./generate/cli";

process.exitCode = runGenerate(process.argv.slice(2));
