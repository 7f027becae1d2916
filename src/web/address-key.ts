/**
 * The key a client's address is counted under, for rate limits and guests' one-a-day counts: an IPv4 address as
 * it is, an IPv6 address as its /64 network.
 *
 * Why /64: an IPv6 subscriber is given a /64 (or more) and picks any address in it, so counting single addresses
 * would let one client take a new one for every request and escape every per-address limit, and fill the
 * limiters' memory with keys. A /64 is one home, phone or server, as an IPv4 address is (one NAT).
 *
 * Written here rather than taken from a library: expanding `::` and an IPv4 tail is a dozen lines, and the
 * packages that do it (ipaddr.js) are in node_modules only as other packages' dependencies.
 */
import { isIPv4, isIPv6 } from "node:net";

/** IPv4 mapped into IPv6 (`::ffff:192.0.2.1`), as a dual-stack socket reports an IPv4 client. */
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu;

/** The eight 16-bit groups of an IPv6 address, `::` expanded and an IPv4 tail (`::ffff:1.2.3.4`) read as two groups. */
function ipv6Groups(address: string): number[] {
  const withoutZone = address.split("%")[0] ?? address;
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u.exec(withoutZone);
  const [a, b, c, d] = (tail?.slice(1) ?? []).map(Number);
  const hex = tail ? `${withoutZone.slice(0, tail.index)}${(((a ?? 0) << 8) | (b ?? 0)).toString(16)}:${(((c ?? 0) << 8) | (d ?? 0)).toString(16)}` : withoutZone;
  const [head = "", rest] = hex.split("::");
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16)));
  const before = groupsOf(head);
  const after = rest === undefined ? [] : groupsOf(rest);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/**
 * @example addressKey("2001:db8:1:2:aaaa::1") === "2001:db8:1:2::/64"; addressKey("::ffff:192.0.2.1") === "192.0.2.1"
 * Anything that is no IP address (a test's "local", a proxy's odd header) is its own key.
 */
export function addressKey(address: string): string {
  const mapped = MAPPED_IPV4.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}
