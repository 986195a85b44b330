import { validationError } from "../../errors";
import { setStoreValueIn } from "../../services/device-items/store";
import { renderTemplate } from "../template";
import { stepCallContext, targetDevice } from "./context";
import type { Step } from "./types";

// The database step: sets a Store value of the device as a person would (it syncs down to the
// device). A text value is a template: "${value}" stores the value that fired the action.

export const databaseStep: Step = async (tx, input) => {
  const { key, value, type } = input.action.args;
  if (typeof key !== "string" || !key.trim() || value === undefined)
    throw validationError("A database step needs args.key and args.value", [
      { name: "args.key", message: "Required" },
      { name: "args.value", message: "Required" },
    ]);
  const scope = await targetDevice(tx, input);
  const stored = await setStoreValueIn(tx, stepCallContext(input), scope, {
    key: key.trim(),
    value: typeof value === "string" ? renderTemplate(value, input.context) : value,
    type: typeof type === "string" ? type : undefined,
  });
  return { outcome: "succeeded", detail: `Store ${stored.key} set on ${scope.deviceId}` };
};
