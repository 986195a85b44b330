"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type RefObject } from "react";
import type { z } from "zod";
import { formatBytes } from "@/lib/bytes";
import { putToSignedUrl } from "@/lib/api/client";
import { fieldErrorOf } from "@/lib/api/field-error";
import { firmwareKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { usePagedList } from "@/lib/api/use-paged-list";
import { createFirmware, findFirmware, removeFirmware, type firmwareView } from "@/lib/contracts/firmware";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { TextField } from "../ui/field";
import { EmptyPage, ListStates } from "../ui/list-states";
import { FormErrorNotice, Notice } from "../ui/notice";
import { Section } from "../ui/section";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";

type Release = z.infer<typeof firmwareView>;

/** The product's firmware releases (firmware/find), newest first; the owner uploads and removes them. */
export function ProductFirmware({ productId }: { productId: string }) {
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: firmwareKeys,
    contract: findFirmware,
    input: { productId },
    query: { order: "DESC", limit: 10 },
  });
  const [removing, setRemoving] = useState<Release | null>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);

  return (
    <Section
      level={3}
      title="Firmware releases"
      description="A device of this product running an older version is offered the newest release when it asks for updates."
    >
      <UploadFirmware productId={productId} uploadButton={uploadButton} />
      <ListStates
        list={list}
        what="the releases"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="releases" onFirstPage={reset}>
            <p>No releases yet: upload an image with its version above.</p>
          </EmptyPage>
        }
      >
        {(releases) => (
          <DataTable
            caption="Firmware releases"
            head={
              <>
                <ColumnHeads
                  columns={[
                    ["Version", ""],
                    ["Image", ""],
                    ["Uploaded", "hidden sm:table-cell"],
                  ]}
                />
                <ActionsHead />
              </>
            }
          >
            <tbody>
              {releases.map((release) => (
                <tr key={release.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {release.version}
                  </th>
                  <td className="px-3 py-2">
                    <span className="[overflow-wrap:anywhere]">{release.filename}</span>, {formatBytes(release.size)}
                    <span className="block font-mono text-xs text-muted [overflow-wrap:anywhere]">
                      SHA-256 {release.checksum}
                    </span>
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
                    <Time value={release.created} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Button look="quiet" aria-label={`Remove ${release.version}`} onClick={() => setRemoving(release)}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </ListStates>
      <RemoveRelease release={removing} onClose={() => setRemoving(null)} fallbackFocus={uploadButton} />
    </Section>
  );
}

// firmware/create answers a signed URL; the release exists once its image has arrived there whole.
function UploadFirmware({
  productId,
  uploadButton,
}: {
  productId: string;
  uploadButton: RefObject<HTMLButtonElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [missingImage, setMissingImage] = useState(false);
  const imageId = useId();
  const upload = useMutation({
    mutationFn: async ({ version, image }: { version: string; image: File }) => {
      const { url } = await api.call(createFirmware, { productId, version, size: image.size, filename: image.name });
      await putToSignedUrl(url, image, "application/octet-stream");
      return version;
    },
    onSuccess: async (version) => {
      setUploaded(version);
      await queryClient.invalidateQueries({ queryKey: firmwareKeys.lists() });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const image = new FormData(form).get("image");
    const picked = image instanceof File && image.name !== "";
    setMissingImage(!picked);
    setUploaded(null);
    if (!picked) return;
    upload.mutate(
      { version: String(new FormData(form).get("version")).trim(), image },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 p-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Version"
          name="version"
          required
          maxLength={64}
          spellCheck={false}
          placeholder="1.2.0"
          error={fieldErrorOf(upload.error, "version")}
        />
        <div className="text-sm">
          <label htmlFor={imageId} className="font-medium">
            Image
          </label>
          <input
            id={imageId}
            name="image"
            type="file"
            aria-invalid={missingImage}
            aria-describedby={missingImage ? `${imageId}-error` : undefined}
            className="mt-1 block w-full text-sm"
          />
          {missingImage && (
            <p id={`${imageId}-error`} className="mt-1 text-xs text-danger">
              Pick the image file to upload
            </p>
          )}
        </div>
      </div>
      <FormErrorNotice error={upload.error} fields={["version"]} />
      {uploaded && <Notice tone="success">Release {uploaded} uploaded.</Notice>}
      <Button ref={uploadButton} type="submit" disabled={upload.isPending}>
        {upload.isPending ? "Uploading…" : "Upload release"}
      </Button>
    </form>
  );
}

// firmware/remove: the image goes with it, and devices are no longer offered it.
function RemoveRelease({
  release,
  onClose,
  fallbackFocus,
}: {
  release: Release | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation, close } = useDialogMutation(
    {
      mutationFn: (id: string) => api.call(removeFirmware, { id }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: firmwareKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );
  return (
    <ConfirmDialog
      open={release !== null}
      title={`Remove release ${release?.version ?? ""}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => release && mutation.mutate(release.id)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      The image is deleted and devices are no longer offered this version. Devices already running it keep it.
    </ConfirmDialog>
  );
}
