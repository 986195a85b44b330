import {
  getCerts,
  getDeviceCertificates,
  getDeviceCreds,
  getProvisionCreds,
  provisionDevice,
} from "../contracts/provision";
import * as provisioning from "../services/provisioning";
import { implement } from "./implement";

// The agent knows each provisioning verb under two names (decision 013): one service answers both.
export const provisionController = [
  implement(provisionDevice, (input, ctx) => provisioning.provisionDevice(ctx, input)),
  implement(getCerts, (input, ctx) => provisioning.provisionDevice(ctx, input)),
  implement(getDeviceCreds, (_input, ctx) => provisioning.getDeviceCredentials(ctx)),
  implement(getProvisionCreds, (_input, ctx) => provisioning.getDeviceCredentials(ctx)),
  implement(getDeviceCertificates, (input, ctx) => provisioning.getDeviceCertificates(ctx, input)),
];
