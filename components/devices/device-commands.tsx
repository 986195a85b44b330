"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { fieldErrorOf } from "@/lib/api/field-error";
import { genericKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import type { DeviceView } from "@/lib/contracts/device";
import { createGeneric, findGeneric, type genericItem } from "@/lib/contracts/generic";
import { roleAllows } from "@/lib/contracts/verb";
import { EmptyPage, ListStates } from "../ui/list-states";
import { FormErrorNotice, Notice } from "../ui/notice";
import { Section } from "../ui/section";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";
import { CommandForm, type CommandInput } from "./command-form";

type CommandItem = z.infer<typeof genericItem> & { command?: unknown; args?: unknown };

/**
 * What the cloud can tell of a command: the device does not report back, so only whether it has
 * been in contact since (a connected device gets it at once, another at its next sync).
 */
function commandState(command: CommandItem, device: DeviceView): { text: string; look: string } {
  const contactSince = device.accessed !== null && Date.parse(device.accessed) >= Date.parse(command.created);
  if (contactSince || device.connection === "online")
    return { text: "sent to the device", look: "bg-green-100 text-green-900" };
  return { text: "waiting for the device", look: "bg-amber-100 text-amber-950" };
}

/** The command box (users send reboot and update, admins any command) and the device's recent commands. */
export function DeviceCommands({ device }: { device: DeviceView }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const role = useCurrentRole();
  const [sent, setSent] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: CommandInput) => api.call(createGeneric, { _type: "Command", deviceId: device.id, ...input }),
    onSuccess: async (_item, input) => {
      setSent(input.command);
      await queryClient.invalidateQueries({ queryKey: genericKeys.lists() });
    },
  });
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: genericKeys,
    contract: findGeneric,
    input: { _type: "Command", deviceId: device.id },
    query: { order: "DESC", limit: 10 },
  });

  return (
    <Section
      title="Commands"
      description="A command reaches the device at once while it is connected, otherwise at its next sync."
    >
      {roleAllows(role, createGeneric.allow) && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <CommandForm
            canSendCustom={roleAllows(role, ["admin"])}
            onSend={(input) => {
              setSent(null);
              mutation.mutate(input);
            }}
            pending={mutation.isPending}
            serverError={(name) => fieldErrorOf(mutation.error, name)}
          >
            <FormErrorNotice error={mutation.error} fields={["command", "args"]} />
            {sent && <Notice tone="success">Sent “{sent}”.</Notice>}
          </CommandForm>
        </div>
      )}
      <ListStates
        list={list}
        what="the commands"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="commands" onFirstPage={reset}>
            <p>No commands sent to this device yet.</p>
          </EmptyPage>
        }
      >
        {(items) => (
          <DataTable
            caption="Recent commands"
            head={
              <ColumnHeads
                columns={[
                  ["Command", ""],
                  ["Sent", ""],
                  ["State", ""],
                ]}
              />
            }
          >
            <tbody>
              {(items as CommandItem[]).map((item) => {
                const state = commandState(item, device);
                return (
                  <tr key={String(item.id)} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {String(item.command)}
                      {item.args !== undefined && Object.keys(item.args ?? {}).length > 0 && (
                        <span className="block font-mono text-xs font-normal text-muted [overflow-wrap:anywhere]">
                          {JSON.stringify(item.args)}
                        </span>
                      )}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Time value={item.created} />
                    </td>
                    <td className="px-3 py-2">
                      <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${state.look}`}>
                        {state.text}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </ListStates>
    </Section>
  );
}
