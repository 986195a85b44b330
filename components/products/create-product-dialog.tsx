"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent, RefObject } from "react";
import { ApiClientError } from "@/lib/api/client";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { createProduct } from "@/lib/contracts/product";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextArea, TextField } from "../ui/field";
import { ErrorNotice } from "../ui/notice";

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
  const create = useMutation({
    mutationFn: (input: { name: string; description: string }) => api.call(createProduct, input),
    onSuccess: async (product) => {
      queryClient.setQueryData(productKeys.detail(product.id), product);
      await queryClient.invalidateQueries({ queryKey: productKeys.lists() });
      onCreated(product.id);
      close();
    },
  });
  const fieldError = (name: string) =>
    create.error instanceof ApiClientError ? create.error.fields.find((f) => f.name === name)?.message : undefined;

  function close() {
    // A reopened dialog starts clean rather than showing the last attempt's errors.
    create.reset();
    onClose();
  }

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
        {create.isError && !fieldError("name") && !fieldError("description") && <ErrorNotice error={create.error} />}
        <div className="flex justify-end gap-2">
          <Button look="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
