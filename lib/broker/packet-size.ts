// The agent's reader takes at most 4096 bytes per MQTT packet (docs/api.md#device-messaging):
// everything sent to a device is measured as the PUBLISH packet it becomes, before it is sent.

export const MAX_DEVICE_PACKET = 4096;

/** Bytes of an MQTT 3.1.1 PUBLISH at QoS 1 with a payload of `payloadBytes` bytes. */
export function publishPacketBytes(topic: string, payloadBytes: number): number {
  // Topic length, topic, packet ID, payload; then the fixed header and the remaining length.
  const remaining = 2 + Buffer.byteLength(topic) + 2 + payloadBytes;
  const lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
  return 1 + lengthBytes + remaining;
}

export const publishPacketSize = (topic: string, payload: string | Buffer) =>
  publishPacketBytes(topic, Buffer.byteLength(payload));

export const fitsDevicePacket = (topic: string, payload: string | Buffer) =>
  publishPacketSize(topic, payload) <= MAX_DEVICE_PACKET;
