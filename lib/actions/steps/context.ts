import { normaliseClaimId } from "../../contracts/device";
import type { Queryable } from "../../db/client";
import { DEVICE_NOT_FOUND, notFound, validationError } from "../../errors";
import type { CallContext } from "../../services/context";
import { deviceScope, type DeviceScope } from "../../services/device-items/access";
import type { StepInput } from "./types";

// What steps share: the call context a step acts with (the server, named after the action in the
// audit trail) and the device a device-bound step acts on.

export function stepCallContext({ action, run }: StepInput): CallContext {
  return {
    requestId: run.id,
    address: "",
    origin: null,
    principal: null,
    system: { id: action.id, label: `action ${action.name}` },
    accountId: action.accountId,
  };
}

/** The step's destination device, else the trigger's: a device of the action's account. */
export async function targetDevice(tx: Queryable, { action, deviceId }: StepInput): Promise<DeviceScope> {
  const target = action.destination || deviceId;
  if (!target)
    throw validationError("No device to act on: set the action's destination, or use a trigger about a device", [
      { name: "destination", message: "A device ID" },
    ]);
  const scope = await deviceScope(tx, action.accountId, normaliseClaimId(target));
  if (!scope) throw notFound(DEVICE_NOT_FOUND);
  return scope;
}
