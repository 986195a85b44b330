"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorOf } from "@/lib/api/field-error";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { updateDevice, type DeviceView } from "@/lib/contracts/device";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";
import { FormErrorNotice, Notice } from "../ui/notice";

// device/update: name and description; the detail and every list showing the device refresh.
export function DeviceEditForm({ device }: { device: DeviceView }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: { name: string; description: string }) => api.call(updateDevice, { id: device.id, ...input }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(deviceKeys.detail(device.id), updated);
      await queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
      setSaved(true);
    },
  });
  const fieldError = (name: string) => fieldErrorOf(save.error, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    save.mutate({ name: String(form.get("name")), description: String(form.get("description")) });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">Name and description</h2>
      <TextField label="Name" name="name" defaultValue={device.name} maxLength={100} error={fieldError("name")} />
      <TextArea
        label="Description"
        name="description"
        defaultValue={device.description}
        rows={2}
        maxLength={1000}
        error={fieldError("description")}
      />
      <FormErrorNotice error={save.error} fields={["name", "description"]} />
      {saved && <Notice tone="success">Saved.</Notice>}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
