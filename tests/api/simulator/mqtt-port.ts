import { createServer } from "node:net";

// The broker's port, chosen before the environment is first read: device/provision answers
// MQTT_PORT, so the broker this file starts must listen on that very port. Imported first.
const probe = createServer();
await new Promise<void>((resolve) => probe.listen(0, resolve));
process.env.MQTT_PORT = String((probe.address() as { port: number }).port);
await new Promise((resolve) => probe.close(resolve));
