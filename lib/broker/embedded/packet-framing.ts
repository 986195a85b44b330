// MQTT packet boundaries in a byte stream: a fixed-header byte, then the remaining length as 1–4
// bytes of 7 bits each (least significant first, the high bit saying another follows), then that
// many bytes (MQTT 3.1.1 §2.2).

/** The largest packet the agent's reader takes whole: its receive buffer (decision 015). */
export const MAX_DEVICE_PACKET = 4096;

/** Bytes of the packet that starts at `offset`, or undefined while its header is incomplete. */
export function packetSize(buffer: ArrayLike<number>, offset = 0): number | undefined {
  let remaining = 0;
  for (let i = 0; i < 4; i++) {
    const byte = buffer[offset + 1 + i];
    if (byte === undefined) return undefined;
    remaining += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return 2 + i + remaining;
  }
  throw new Error("Malformed MQTT remaining length");
}

/** Collects written bytes and hands back each packet once it is whole. */
export class PacketSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const packets: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const size = packetSize(this.pending, offset);
      if (size === undefined || offset + size > this.pending.length) break;
      packets.push(this.pending.subarray(offset, offset + size));
      offset += size;
    }
    this.pending = this.pending.subarray(offset);
    return packets;
  }
}

/**
 * Follows the packets a device sends without copying them, to refuse one larger than `maxBytes`
 * as soon as its header says so, before the MQTT parser buffers it.
 */
export class IncomingPacketGuard {
  private header: number[] = [];
  private bodyLeft = 0;

  constructor(private readonly maxBytes: number) {}

  /** False once a packet is too large or malformed: the connection must go. */
  accepts(chunk: Buffer): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= taken;
        i += taken;
        continue;
      }
      this.header.push(chunk.readUInt8(i++));
      if (this.header.length < 2) continue;
      let size: number | undefined;
      try {
        size = packetSize(this.header);
      } catch {
        return false;
      }
      if (size === undefined) continue;
      if (size > this.maxBytes) return false;
      this.bodyLeft = size - this.header.length;
      this.header = [];
    }
    return true;
  }
}
