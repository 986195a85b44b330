// The seam between the cloud's services and whatever broker devices connect to (decision 015).
// The embedded broker (lib/broker/embedded) is one implementation; an external broker on another
// machine is another. Nothing on the services' side may assume the broker shares their process:
// everything that crosses the seam is a device ID, a topic and a payload.

/** The topic of a message to a device: `rest` is relative to ioto/device/<id>/ ("metric/get/17"). */
export const deviceTopic = (deviceId: string, rest: string) => `ioto/device/${deviceId}/${rest}`;

/** A device known to the broker by its certificate: the identity every message carries. */
export interface DeviceIdentity {
  deviceId: string;
  accountId: string;
  /** Serial of the client certificate the device connected with. */
  serial: string;
}

/** What the broker tells the cloud. Handlers may be slow; the broker never waits on them to read. */
export interface DeviceEvents {
  /** A device published under ioto/service/<id>/…; `op` is the rest of the topic ("metric/set",
   * "metric/get/17", "db/syncToDynamo"), the $aws/rules/IotoDevice/ prefix already stripped. */
  published(device: DeviceIdentity, op: string, payload: Buffer): Promise<void>;
  connected(device: DeviceIdentity, address: string): Promise<void>;
  disconnected(device: DeviceIdentity): Promise<void>;
}

/** What the cloud asks of the broker. */
export interface DeviceBroker {
  /**
   * Delivers one message to a connected device at QoS 1, after every earlier message to it was
   * acknowledged. Resolves true once the device acknowledged it, false when the device is not
   * connected (nothing is queued for offline devices) or went away before acknowledging.
   * A payload over the device's packet limit is refused with an error, never sent. `topic` is the
   * whole topic, under ioto/device/<deviceId>/ (deviceTopic); any other is refused with an error.
   */
  send(deviceId: string, topic: string, payload: string | Buffer): Promise<boolean>;
  /** Whether the device holds a connection to this broker now. */
  isConnected(deviceId: string): boolean;
  /** Closes the device's connection, if any (release, revocation). */
  disconnect(deviceId: string): void;
  close(): Promise<void>;
}
