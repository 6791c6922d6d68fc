import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./accept-encoding";

const accepts = (value: string | undefined) =>
  acceptsGzip({ headers: value === undefined ? {} : { "accept-encoding": value } });

describe("acceptsGzip (RFC 9110 12.5.3)", () => {
  const table: [string | undefined, boolean][] = [
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br, gzip", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["gzip;q=1", true],
    ["gzip;q=1.000", true],
    ["gzip;q=0.5", true],
    ["gzip;q=0.001", true],
    ["gzip ; q=0.5", true],
    ["*", true],
    ["*;q=0.1", true],
    ["br, *", true],
    ["deflate, gzip;q=1.0, *;q=0.5", true],
    ["gzip;q=0", false],
    ["gzip;q=0.0", false],
    ["gzip;q=0.000", false],
    ["gzip; q=0", false],
    ["gzip ;q=0", false],
    ["GZIP;Q=0", false],
    ["gzip;q=0, *", false],
    ["*, gzip;q=0", false],
    ["x-gzip;q=0", false],
    ["*;q=0", false],
    ["br, *;q=0", false],
    ["*;q=0.000, br", false],
    ["gzip, gzip;q=0", false],
    ["gzip;q=2", false],
    ["gzip;q=0.0001", false],
    ["gzip;q=abc", false],
    ["gzip;q=", false],
    ["br", false],
    ["identity", false],
    ["gzipped", false],
    ["xgzip", false],
    ["", false],
    [undefined, false],
  ];
  it.each(table)("%j → %s", (value, expected) => {
    expect(accepts(value)).toBe(expected);
  });
});
