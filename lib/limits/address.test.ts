import { describe, expect, it } from "vitest";
import { addressGroup, normalizeAddress } from "./address";

describe("addressGroup", () => {
  it("keeps IPv4 addresses, also when mapped into IPv6", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups IPv6 addresses by /64, however they are written", () => {
    const a = addressGroup("2001:db8:abcd:12:1::1");
    expect(a).toBe("2001:db8:abcd:12::/64");
    expect(addressGroup("2001:0db8:abcd:0012:ffff:ffff:ffff:fffe")).toBe(a);
    expect(addressGroup("2001:DB8:ABCD:12::99")).toBe(a);
    expect(addressGroup("2001:db8:abcd:13::1")).not.toBe(a);
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("passes anything else through, bounded", () => {
    expect(addressGroup("unknown")).toBe("unknown");
    expect(addressGroup("x".repeat(200))).toHaveLength(64);
  });
});

describe("normalizeAddress", () => {
  it("one spelling per address: ports, brackets, quotes and capitals do not make a new one", () => {
    expect(normalizeAddress("203.0.113.7:5678")).toBe("203.0.113.7");
    expect(normalizeAddress(' "203.0.113.7:1" ')).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(addressGroup("203.0.113.7:9")).toBe(addressGroup("203.0.113.7"));
    expect(addressGroup("[2001:db8:abcd:12::5]:80")).toBe("2001:db8:abcd:12::/64");
  });
});
