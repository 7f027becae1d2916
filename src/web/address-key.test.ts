import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key.js";

describe("addressKey", () => {
  it("counts an IPv6 address under its /64, however it is written", () => {
    const network = "2001:db8:85a3:8d3::/64";
    expect(addressKey("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe(network);
    expect(addressKey("2001:0DB8:85A3:08D3::1")).toBe(network);
    expect(addressKey("2001:db8:85a3:8d3::ffff:192.0.2.1")).toBe(network);
    expect(addressKey("2001:db8:85a3:8d3::1%eth0")).toBe(network);
    expect(addressKey("2001:db8:85a3:8d4::1")).not.toBe(network);
  });

  it("expands :: wherever it stands", () => {
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
    expect(addressKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressKey("2001:db8:1::5:6")).toBe("2001:db8:1:0::/64");
  });

  it("keeps IPv4 addresses whole, also as a dual-stack socket reports them", () => {
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("::FFFF:198.51.100.7")).toBe("198.51.100.7");
  });

  it("leaves what is no address as it is", () => {
    expect(addressKey("local")).toBe("local");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
