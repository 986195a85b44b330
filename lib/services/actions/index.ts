// The Action controller's service (docs/api.md#actions, decisions 018 and 019).
export { createAction, findActions, getAction, removeAction, updateAction } from "./manage";
export { invokeAction } from "./invoke";
export { actionRuns } from "./runs";
