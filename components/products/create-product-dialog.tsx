"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent, RefObject } from "react";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { createProduct } from "@/lib/contracts/product";
import { Dialog } from "../ui/dialog";
import { TextArea, TextField } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { FormErrorNotice } from "../ui/notice";

interface CreateProductDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// product/create: the answer already carries the token, so the new product opens without a refetch.
export function CreateProductDialog({ open, onClose, onCreated, fallbackFocus }: CreateProductDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const {
    mutation: create,
    close,
    fieldError,
  } = useDialogMutation(
    {
      mutationFn: (input: { name: string; description: string }) => api.call(createProduct, input),
      onSuccess: async (product) => {
        queryClient.setQueryData(productKeys.detail(product.id), product);
        await queryClient.invalidateQueries({ queryKey: productKeys.lists() });
        onCreated(product.id);
      },
      closeOnSuccess: true,
    },
    onClose,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name")).trim(), description: String(form.get("description")).trim() });
  }

  return (
    <Dialog open={open} title="Create a product" onClose={close} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField label="Name" name="name" required autoFocus maxLength={100} error={fieldError("name")} />
        <TextArea
          label="Description"
          name="description"
          rows={2}
          maxLength={1000}
          error={fieldError("description")}
          hint="Optional: what the product is, for the people who build it."
        />
        <FormErrorNotice error={create.error} fields={["name", "description"]} />
        <FormFooter label="Create" pendingLabel="Creating…" pending={create.isPending} onCancel={close} />
      </form>
    </Dialog>
  );
}
