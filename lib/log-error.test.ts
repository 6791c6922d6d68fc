import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { serializeError } from "./log-error";

describe("the logger's err serializer", () => {
  it("keeps a failed query's statement and driver code, never its parameters or quoted values", () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "my secret title"'), {
      code: "22P02",
    });
    const error = new DrizzleQueryError(
      'insert into "messages" ("content") values ($1)',
      ["my secret message", "my secret title"],
      driver,
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain("my secret");
    expect(logged).toContain('insert into \\"messages\\"');
    expect(logged).toContain("params: [redacted]");
    expect(logged).toContain("22P02");
    expect(JSON.stringify(serializeError(String(error)))).not.toContain("my secret");
  });
});
