/**
 * npm run content:import -- <file or directory>... --out DIR [--tier T] [--category C] [--force]:
 * brings personas in from Claude Code agents, Character Cards (V2/V3 JSON, PNG, .charx) and LobeHub
 * agents, each as a persona file that passes content:check.
 */
import { runImport } from "./import/cli";

process.exitCode = runImport(process.argv.slice(2));
