// One device connection's messages from the cloud (decision 015). The agent handles each incoming
// PUBLISH in a task of its own and has four: a burst crashes it. So every sender's message waits
// here and goes out at QoS 1 only once the device acknowledged the previous one.

interface Outgoing {
  topic: string;
  payload: Buffer;
  settle(delivered: boolean): void;
}

export interface DeliveryLimits {
  /** Messages waiting behind the one in flight; more are refused (the sender learns false). */
  maxWaiting: number;
  /** A device that does not acknowledge within this is cut off: nothing else could reach it. */
  ackTimeoutMs: number;
}

export const DELIVERY_LIMITS: DeliveryLimits = { maxWaiting: 10_000, ackTimeoutMs: 60_000 };

export class DeliveryQueue {
  private readonly waiting: Outgoing[] = [];
  private inFlight: Outgoing | null = null;
  private ackTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    /** Writes one QoS 1 PUBLISH to the device. */
    private readonly publish: (topic: string, payload: Buffer) => void,
    /** The device left a message unacknowledged too long. */
    private readonly onAckTimeout: () => void,
    private readonly limits: DeliveryLimits = DELIVERY_LIMITS,
  ) {}

  /** Resolves true once the device acknowledged the message, false if it never will. */
  enqueue(topic: string, payload: Buffer): Promise<boolean> {
    if (this.closed || this.waiting.length >= this.limits.maxWaiting) return Promise.resolve(false);
    return new Promise((settle) => {
      this.waiting.push({ topic, payload, settle });
      this.next();
    });
  }

  /** The device's PUBACK: only one message is ever unacknowledged, so it is that one. */
  acknowledged(): void {
    const message = this.inFlight;
    if (!message) return;
    this.clearTimer();
    this.inFlight = null;
    message.settle(true);
    this.next();
  }

  /** The connection is gone: nothing waiting will be delivered. */
  close(): void {
    this.closed = true;
    this.clearTimer();
    this.inFlight?.settle(false);
    this.inFlight = null;
    for (const message of this.waiting.splice(0)) message.settle(false);
  }

  get size(): number {
    return this.waiting.length + (this.inFlight ? 1 : 0);
  }

  private next(): void {
    if (this.inFlight || this.closed) return;
    const message = this.waiting.shift();
    if (!message) return;
    this.inFlight = message;
    this.ackTimer = setTimeout(this.onAckTimeout, this.limits.ackTimeoutMs);
    this.ackTimer.unref();
    this.publish(message.topic, message.payload);
  }

  private clearTimer(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }
}
