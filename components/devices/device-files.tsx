"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import type { z } from "zod";
import { formatBytes } from "@/lib/bytes";
import { fileKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { useDialogMutation } from "@/lib/api/use-dialog-mutation";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findFiles, removeFile, type storedFileView } from "@/lib/contracts/file";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyPage, ListStates } from "../ui/list-states";
import { Section } from "../ui/section";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";

type StoredFile = z.infer<typeof storedFileView>;

// The signed URLs file/find answers are valid 15 minutes: reading the list again well within that
// keeps every download link working on a page left open.
const SIGNED_URL_REFRESH_MS = 5 * 60_000;

/** The files the device uploaded (file/find), each with a link that downloads it; admins remove them. */
export function DeviceFiles({ deviceId }: { deviceId: string }) {
  const canRemove = roleAllows(useCurrentRole(), removeFile.allow);
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: fileKeys,
    contract: findFiles,
    input: { deviceId },
    query: { order: "DESC", sort: "updated" },
    refetchInterval: SIGNED_URL_REFRESH_MS,
  });
  const [removing, setRemoving] = useState<StoredFile | null>(null);
  const heading = useRef<HTMLDivElement>(null);

  return (
    <Section title="Files" description="Files the device uploaded, newest first.">
      <div ref={heading} tabIndex={-1} className="focus:outline-none">
        <ListStates
          list={list}
          what="the files"
          onPage={setCursor}
          empty={
            <EmptyPage firstPage={firstPage} noun="files" onFirstPage={reset}>
              <p>No files yet. Files the device uploads through a signed URL show here.</p>
            </EmptyPage>
          }
        >
          {(files) => (
            <DataTable
              caption="Device files"
              head={
                <>
                  <ColumnHeads
                    columns={[
                      ["Name", ""],
                      ["Size", "text-right"],
                      ["Type", "hidden md:table-cell"],
                      ["Updated", "hidden sm:table-cell"],
                    ]}
                  />
                  <ActionsHead />
                </>
              }
            >
              <tbody>
                {files.map((file) => (
                  <tr key={file.id} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-medium [overflow-wrap:anywhere]">
                      {file.filename}
                    </th>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatBytes(file.size)}</td>
                    <td className="hidden px-3 py-2 md:table-cell">{file.mimeType}</td>
                    <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
                      <Time value={file.updated} />
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {/* The signed URL answers the file as an attachment: the browser saves it. */}
                      <a
                        href={file.url}
                        download={file.filename}
                        aria-label={`Download ${file.filename}`}
                        className="inline-flex min-h-10 items-center px-2 font-medium text-brand-dark underline"
                      >
                        Download
                      </a>
                      {canRemove && (
                        <Button look="quiet" aria-label={`Remove ${file.filename}`} onClick={() => setRemoving(file)}>
                          Remove
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </ListStates>
      </div>
      <RemoveFile file={removing} onClose={() => setRemoving(null)} fallbackFocus={heading} />
    </Section>
  );
}

// file/remove: the bytes and the row go at once.
function RemoveFile({
  file,
  onClose,
  fallbackFocus,
}: {
  file: StoredFile | null;
  onClose: () => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { mutation, close } = useDialogMutation(
    {
      mutationFn: (id: string) => api.call(removeFile, { id }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKeys.lists() }),
      closeOnSuccess: true,
    },
    onClose,
  );
  return (
    <ConfirmDialog
      open={file !== null}
      title={`Remove ${file?.filename ?? ""}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => file && mutation.mutate(file.id)}
      onClose={close}
      fallbackFocus={fallbackFocus}
    >
      The file is deleted from the cloud&rsquo;s file store. The device keeps its own copy, if any.
    </ConfirmDialog>
  );
}
