import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // The query layer is async on both engines: a query not awaited is a write that may never happen.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { checkThenables: true }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // SQLite-only calls of drizzle's builders: every query is awaited instead, so it runs on both engines.
    files: ["lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "scripts/**/*.ts", "testing/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run|values)$/][object.type='CallExpression'][object.callee.type='MemberExpression'][object.callee.property.name=/^(where|from|orderBy|limit|offset|returning|values|set|groupBy|onConflictDoNothing|onConflictDoUpdate|innerJoin|leftJoin)$/]",
          message: "SQLite-only: await the query instead (it must run on PostgreSQL too).",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    "playwright-report/**",
    "test-results/**",
    ".data/**",
  ]),
]);
