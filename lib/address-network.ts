import { isIPv6 } from "node:net";

/**
 * The network a client address stands for when counting what it does. An IPv4 address is one
 * client, but one IPv6 subscriber usually holds a whole /64 and can send each request from a new
 * address in it, so IPv6 addresses count by their /64. IPv4-mapped IPv6 (`::ffff:192.0.2.1`, as a
 * dual-stack socket reports IPv4 peers) counts as the IPv4 address.
 */
export function addressNetwork(address: string): string {
  const bare = address.split("%")[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!isIPv6(bare)) return address;
  const [head = "", tail] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // A dotted IPv4 tail fills two groups.
  const rightGroups = right.reduce((groups, group) => groups + (group.includes(".") ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - rightGroups).fill("0");
  const prefix = [...left, ...zeros, ...right].slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}
