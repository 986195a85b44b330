"use client";
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { fieldErrorOf } from "./field-error";

type Options<Data, Variables> = UseMutationOptions<Data, Error, Variables> & {
  /** Close the dialog once the mutation (and its own onSuccess) has succeeded. */
  closeOnSuccess?: boolean;
};

/**
 * The mutation behind a dialog. Closing resets it, so a reopened dialog starts clean rather than
 * showing the last attempt's errors (or a secret shown once); `fieldError` reads the API's
 * message for one input.
 */
export function useDialogMutation<Data, Variables>(
  { closeOnSuccess = false, ...options }: Options<Data, Variables>,
  onClose: () => void,
) {
  const mutation = useMutation<Data, Error, Variables>({
    ...options,
    onSuccess: async (...args) => {
      await options.onSuccess?.(...args);
      if (closeOnSuccess) close();
    },
  });

  function close() {
    mutation.reset();
    onClose();
  }

  return { mutation, close, fieldError: (name: string) => fieldErrorOf(mutation.error, name) };
}
