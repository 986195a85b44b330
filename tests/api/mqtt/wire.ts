import mqttPacket from "mqtt-packet";
import type { MqttClient } from "mqtt";
import { createConnection, createServer, type AddressInfo, type Server } from "node:net";
import type { TLSSocket } from "node:tls";

// Eyes on the wire for the framing tests: the packets a client's TLS socket received before
// mqtt.js handled them, the TLS records a proxy saw pass, and the writes the broker made.

export interface SeenPacket {
  cmd: string;
  /** Bytes of the whole packet: fixed header, remaining length, body. */
  size: number;
}

const lengthBytes = (remaining: number) =>
  remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;

/** Every packet that reaches the client's socket, parsed on its own (mqtt.js may still hold it). */
export function watchPackets(client: MqttClient): SeenPacket[] {
  const seen: SeenPacket[] = [];
  const parser = mqttPacket.parser({ protocolVersion: 4 });
  parser.on("packet", (packet) => {
    const remaining = packet.length ?? 0;
    seen.push({ cmd: packet.cmd, size: 1 + lengthBytes(remaining) + remaining });
  });
  client.stream.on("data", (chunk: Buffer) => parser.parse(chunk));
  return seen;
}

export const count = (seen: SeenPacket[], cmd: string) => seen.filter((packet) => packet.cmd === cmd).length;

/**
 * A TCP proxy in front of `port` that reads the TLS records the server sends (5-byte header:
 * content type, version, length). Answers the proxy and the payload lengths of the server's
 * application-data records (type 23).
 */
export async function recordProxy(port: number): Promise<{ server: Server; port: number; records: number[] }> {
  const records: number[] = [];
  const server = createServer((inbound) => {
    const outbound = createConnection(port, "localhost");
    inbound.pipe(outbound);
    let pending = Buffer.alloc(0);
    outbound.on("data", (chunk: Buffer) => {
      inbound.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 5 && pending.length >= 5 + pending.readUInt16BE(3)) {
        const length = pending.readUInt16BE(3);
        if (pending[0] === 23) records.push(length);
        pending = pending.subarray(5 + length);
      }
    });
    outbound.on("close", () => inbound.destroy());
    inbound.on("close", () => outbound.destroy());
    inbound.on("error", () => outbound.destroy());
    outbound.on("error", () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { server, port: (server.address() as AddressInfo).port, records };
}

export interface SocketWrite {
  bytes: Buffer;
  /** Whether the previous write's callback had run when this write was made. */
  afterPrevious: boolean;
}

/** Records each write the server makes on an accepted socket, and whether it waited for the one before. */
export function spyOnWrites(socket: TLSSocket): SocketWrite[] {
  const writes: SocketWrite[] = [];
  let previousDone = true;
  const write = socket.write.bind(socket) as (chunk: Buffer, callback?: (error?: Error | null) => void) => boolean;
  socket.write = ((chunk: Buffer, ...rest: unknown[]) => {
    const callback = rest.find((arg) => typeof arg === "function") as ((error?: Error | null) => void) | undefined;
    writes.push({ bytes: Buffer.from(chunk), afterPrevious: previousDone });
    previousDone = false;
    return write(chunk, (error) => {
      previousDone = true;
      callback?.(error);
    });
  }) as TLSSocket["write"];
  return writes;
}
