import { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import { log } from "../../log";
import { IncomingPacketGuard, MAX_DEVICE_PACKET, PacketSplitter } from "./packet-framing";

/**
 * What the MQTT broker reads from and writes to for one device (decision 015). Bytes from the TLS
 * socket pass through, once the packet they belong to is known to be within `maxIncoming`. Bytes
 * towards the device are reassembled into whole packets (the broker writes a packet in several
 * pieces) and each packet goes out in one socket.write, the next only after the previous write's
 * callback: Node's TLS turns one write into one record, and writes queued behind one in progress
 * would be coalesced into a single record, which the agent's reader cannot take apart.
 */
export class DeviceStream extends Duplex {
  private readonly splitter = new PacketSplitter();
  private readonly guard: IncomingPacketGuard;

  constructor(
    private readonly socket: TLSSocket,
    maxIncoming: number,
    /** Names the device in the log. */
    private readonly deviceId: string,
  ) {
    super();
    this.guard = new IncomingPacketGuard(maxIncoming);
    socket.on("data", (chunk: Buffer) => {
      if (!this.guard.accepts(chunk)) {
        log.warn("mqtt packet from a device over the size limit", { deviceId, limit: maxIncoming });
        this.destroy();
      } else if (!this.push(chunk)) socket.pause();
    });
    socket.on("end", () => this.push(null));
    socket.on("close", () => this.destroy());
    socket.on("error", (error) => this.destroy(error));
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    let packets: Buffer[];
    try {
      packets = this.splitter.push(chunk);
    } catch (error) {
      callback(error as Error);
      return;
    }
    this.writeInTurn(packets).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  private async writeInTurn(packets: Buffer[]): Promise<void> {
    for (const packet of packets) {
      if (packet.length > MAX_DEVICE_PACKET) {
        // Senders check sizes first (DeviceBroker.send refuses); this is the last guard.
        log.error("mqtt packet towards a device over 4096 bytes dropped", {
          deviceId: this.deviceId,
          bytes: packet.length,
        });
        continue;
      }
      await new Promise<void>((resolve, reject) =>
        this.socket.write(packet, (error) => (error ? reject(error) : resolve())),
      );
    }
  }
}
