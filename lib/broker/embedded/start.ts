import { deviceEvents } from "../../device-ops/router";
import { env } from "../../env";
import { certificateStanding, serverCredentials } from "../../pki";
import { forgetConnections } from "../../services/device-connection";
import { EmbeddedBroker } from "./broker";

/** The worker's broker: the embedded one on MQTT_PORT (0 in tests), with the server certificate for MQTT_HOST. */
export async function startDeviceBroker(port = env().mqttPort): Promise<EmbeddedBroker> {
  // The one embedded broker has no connection yet: a device a previous run left online is not (decision 015).
  await forgetConnections();
  return EmbeddedBroker.start({
    port,
    credentials: () => serverCredentials(env().mqttHost),
    standing: (certificate) => certificateStanding(certificate),
    events: deviceEvents,
    messagesPerSecond: env().mqttDeviceMessagesPerSecond,
  });
}
