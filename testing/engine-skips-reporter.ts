import type { Reporter, TestModule } from "vitest/node";
import { POSTGRES_ONLY, SQLITE_ONLY } from "./engine-only";

/**
 * After a run, names each test skipped because it needs the other database engine (its title ends
 * with POSTGRES_ONLY or SQLITE_ONLY, which say why): the default reporter only counts skipped tests.
 */
export default class EngineSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const lines: string[] = [];
    for (const file of testModules)
      for (const test of file.children.allTests("skipped"))
        if (test.fullName.includes(POSTGRES_ONLY) || test.fullName.includes(SQLITE_ONLY))
          lines.push(`  ↓ [${file.project.name}] ${file.relativeModuleId} > ${test.fullName}`);
    if (lines.length > 0) console.info(`Skipped for their database engine:\n${lines.join("\n")}`);
  }
}
