"use client";
import { useQueryClient } from "@tanstack/react-query";
import JSON5 from "json5";
import { useId, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from "react";
import { ApiClientError } from "@/lib/api/client";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { updateProduct, type ProductDetail } from "@/lib/contracts/product";
import type { DataSchema } from "@/lib/contracts/data-schema";
import { Button } from "../ui/button";
import { CodeSnippet } from "../ui/code-snippet";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Dialog } from "../ui/dialog";
import { TextArea } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { ErrorNotice, Notice } from "../ui/notice";
import { Section } from "../ui/section";

/** The product's device data schema (product/update with dataSchema): shown, replaced or removed by the owner. */
export function ProductDataSchema({ product }: { product: ProductDetail }) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const schema = product.dataSchema;

  return (
    <Section
      level={3}
      title="Data schema"
      description="The models a device of this product keeps beyond Store, Log and Command, and which way each syncs: the agent's own schema format."
      actions={
        <>
          <Button ref={uploadButton} look="secondary" onClick={() => setEditing(true)}>
            {schema ? "Replace schema" : "Upload schema"}
          </Button>
          {schema && (
            <Button look="quiet" onClick={() => setRemoving(true)}>
              Remove schema
            </Button>
          )}
        </>
      }
    >
      {schema ? (
        <CodeSnippet title="Data schema (JSON)" code={JSON.stringify(schema, null, 2)} copyLabel="Copy schema" />
      ) : (
        <p className="text-sm text-muted">No data schema: devices of this product keep Store, Log and Command only.</p>
      )}
      {/* Keyed by the product's last change, so the dialog opens on the schema as it is now. */}
      <SchemaDialog
        key={product.updated}
        product={product}
        open={editing}
        onClose={() => setEditing(false)}
        fallbackFocus={uploadButton}
      />
      <RemoveSchema product={product} open={removing} onClose={() => setRemoving(false)} fallbackFocus={uploadButton} />
    </Section>
  );
}

function useSaveSchema(product: ProductDetail, onClose: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useDialogMutation(
    {
      mutationFn: (dataSchema: DataSchema | null) => api.call(updateProduct, { id: product.id, dataSchema }),
      onSuccess: (updated) => {
        queryClient.setQueryData(productKeys.detail(product.id), { ...product, ...updated });
        return queryClient.invalidateQueries({ queryKey: productKeys.lists() });
      },
      closeOnSuccess: true,
    },
    onClose,
  );
}

/** Every problem the API (or the contract, before sending) found, each with where in the schema it is. */
function SchemaErrors({ error }: { error: Error }) {
  if (!(error instanceof ApiClientError) || error.fields.length === 0) return <ErrorNotice error={error} />;
  return (
    <Notice tone="error">
      <p>The schema was not saved:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {error.fields.map((field) => (
          <li key={`${field.name} ${field.message}`}>
            <code className="[overflow-wrap:anywhere]">{field.name}</code>: {field.message}
          </li>
        ))}
      </ul>
      {error.requestId && <p className="mt-1 font-mono text-xs">Request ID: {error.requestId}</p>}
    </Notice>
  );
}

interface SchemaDialogProps {
  product: ProductDetail;
  open: boolean;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

// A schema file (JSON or JSON5, as the agent's are) or pasted text; it is read here, checked by the
// verb's contract before it is sent, and judged again by the server.
function SchemaDialog({ product, open, onClose, fallbackFocus }: SchemaDialogProps) {
  const { mutation, close } = useSaveSchema(product, onClose);
  const [text, setText] = useState(product.dataSchema ? JSON.stringify(product.dataSchema, null, 2) : "");
  const [syntaxError, setSyntaxError] = useState<string | undefined>();
  const fileId = useId();

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON5.parse(text);
    } catch (error) {
      setSyntaxError(`Not JSON or JSON5: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    setSyntaxError(undefined);
    // The contract checks the shape before anything is sent; its problems show like the server's.
    mutation.mutate(parsed as DataSchema);
  }

  return (
    <Dialog open={open} title={`Data schema of ${product.name}`} onClose={close} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="text-sm">
          <label htmlFor={fileId} className="font-medium">
            Schema file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,.json5,application/json"
            onChange={(event) => void pickFile(event)}
            className="mt-1 block w-full text-sm"
          />
        </div>
        <TextArea
          label="Schema"
          name="schema"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={syntaxError}
          hint="{process, models}: pick a file above, or paste or edit the schema here."
        />
        {mutation.error && <SchemaErrors error={mutation.error} />}
        <FormFooter label="Save schema" pendingLabel="Saving…" pending={mutation.isPending} onCancel={close} />
      </form>
    </Dialog>
  );
}

function RemoveSchema({ product, open, onClose, fallbackFocus }: SchemaDialogProps) {
  const { mutation, close } = useSaveSchema(product, onClose);
  return (
    <ConfirmDialog
      open={open}
      title={`Remove the data schema of ${product.name}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate(null)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      Devices of this product then keep Store, Log and Command only: new items of the schema&rsquo;s models are refused.
    </ConfirmDialog>
  );
}
