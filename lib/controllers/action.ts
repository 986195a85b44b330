import {
  actionRuns,
  createAction,
  findActions,
  getAction,
  invokeAction,
  previewAction,
  removeAction,
  updateAction,
} from "../contracts/action";
import * as actions from "../services/actions";
import { implement } from "./implement";

export const actionController = [
  // Lists the account's actions, each with its newest run.
  implement(findActions, (input, ctx) => actions.findActions(ctx, input)),
  // Reads one action.
  implement(getAction, (input, ctx) => actions.getAction(ctx, input)),
  // Creates an action and answers its signing secret once.
  implement(createAction, (input, ctx) => actions.createAction(ctx, input)),
  // Changes an action; rotateSecret answers a new secret once.
  implement(updateAction, (input, ctx) => actions.updateAction(ctx, input)),
  // Removes an action with its runs.
  implement(removeAction, (input, ctx) => actions.removeAction(ctx, input)),
  // Queues a run now, by name.
  implement(invokeAction, (input, ctx) => actions.invokeAction(ctx, input)),
  // An action's runs, newest first.
  implement(actionRuns, (input, ctx) => actions.actionRuns(ctx, input)),
  // How often a metric action would have fired over past days: the form's live preview.
  implement(previewAction, (input, ctx) => actions.previewAction(ctx, input)),
];
