import type { ActionDraft } from "./action-draft";

/** What each part of the action form is given: the draft, a way to change it, and each field's problem. */
export interface DraftFields {
  draft: ActionDraft;
  set: (patch: Partial<ActionDraft>) => void;
  /** The problem of an API field (found before sending, or answered by the API). */
  errorOf: (name: string) => string | undefined;
}
