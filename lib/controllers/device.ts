import { claimDevice, findDevices, getDevice, registerDevice, releaseDevice, updateDevice } from "../contracts/device";
import * as devices from "../services/devices";
import { implement } from "./implement";

// builder/device/register — routed by /builder/device/register with a product token
export const registerDeviceVerb = implement(registerDevice, (input, ctx) => devices.registerDevice(ctx, input));

export const deviceController = [
  // device/claim — by the ID printed on the label (claimDevice)
  implement(claimDevice, (input, ctx) => devices.claimDevice(ctx, input)),
  implement(findDevices, (input, ctx) => devices.findDevices(ctx, input)),
  implement(getDevice, (input, ctx) => devices.getDevice(ctx, input)),
  implement(updateDevice, (input, ctx) => devices.updateDevice(ctx, input)),
  // device/release — back to the pool (releaseDevice)
  implement(releaseDevice, (input, ctx) => devices.releaseDevice(ctx, input)),
];
