import { validationError } from "../../errors";
import { builtInModel } from "../../services/device-items/models";
import { writeItemIn } from "../../services/device-items/write";
import { renderTemplate } from "../template";
import { stepCallContext, targetDevice } from "./context";
import type { Step } from "./types";

// The device step: a Command item for the device, written as a person's command is (decision 014),
// so it is pushed through the outbox while the device is connected and reaches it by sync down
// otherwise, and the audit trail names the action that sent it.

const COMMAND = builtInModel("Command");

export const deviceStep: Step = async (tx, input) => {
  const { command, args } = input.action.args;
  if (typeof command !== "string" || !command.trim())
    throw validationError("A device step needs args.command, e.g. reboot", [
      { name: "args.command", message: "Required" },
    ]);
  const scope = await targetDevice(tx, input);
  const fields: Record<string, unknown> = {
    command: command.trim(),
    description: renderTemplate(input.action.message, input.context) || `Sent by action ${input.action.name}`,
  };
  if (args !== undefined) fields.args = args;
  const item = await writeItemIn(tx, stepCallContext(input), scope, COMMAND, {
    input: fields,
    expires: undefined,
    exists: null,
    merge: false,
  });
  return { outcome: "succeeded", detail: `Command ${item.key} sent to ${scope.deviceId}` };
};
