// The Action controller's service (docs/api.md#action, decisions 018 and 019).
export { createAction, findActions, getAction, removeAction, updateAction } from "./manage";
export { invokeAction } from "./invoke";
export { previewAction } from "./preview";
export { actionRuns } from "./runs";
