"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { STORE_TYPES, type StoreItem, type StoreType, type StoreValue } from "@/lib/contracts/store";
import { FormFooter } from "../ui/form-footer";
import { SelectField, TextArea, TextField } from "../ui/field";
import { parseStoreValue, STORE_TYPE_LABELS, storeValueText } from "./store-value";

export interface StoreValueInput {
  key: string;
  type: StoreType;
  value: StoreValue;
}

interface StoreValueFormProps {
  /** The value being edited; a new key when absent. */
  item?: Pick<StoreItem, "key" | "type" | "value">;
  onSubmit: (input: StoreValueInput) => void;
  onCancel: () => void;
  pending: boolean;
  /** The API's message for one input, once it has answered. */
  serverError: (name: string) => string | undefined;
  /** Shown above the buttons: the request's failure, when it is not about one input. */
  children?: ReactNode;
}

const TYPE_OPTIONS = STORE_TYPES.map((type) => ({ value: type, label: STORE_TYPE_LABELS[type] }));
const BOOLEAN_OPTIONS = [
  { value: "true", label: "true" },
  { value: "false", label: "false" },
];

/** A Store key and its value, typed: the text is read as the picked type before anything is sent. */
export function StoreValueForm({ item, onSubmit, onCancel, pending, serverError, children }: StoreValueFormProps) {
  const [type, setType] = useState<StoreType>(item?.type ?? "string");
  const [text, setText] = useState(item ? storeValueText(item) : "");
  const [problems, setProblems] = useState<{ key?: string; value?: string }>({});

  function changeType(next: StoreType) {
    setType(next);
    // A boolean is picked from two choices: start from one of them.
    if (next === "boolean" && text !== "true" && text !== "false") setText("true");
    setProblems({});
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = item?.key ?? String(new FormData(event.currentTarget).get("key")).trim();
    const parsed = parseStoreValue(type, text);
    const found = { key: key ? undefined : "Required", value: "error" in parsed ? parsed.error : undefined };
    setProblems(found);
    if (found.key || "error" in parsed) return;
    onSubmit({ key, type, value: parsed.value });
  }

  const valueProps = {
    label: "Value",
    name: "value",
    value: text,
    error: problems.value ?? serverError("value"),
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {item ? (
        <TextField label="Key" name="key" value={item.key} readOnly />
      ) : (
        <TextField
          label="Key"
          name="key"
          required
          autoFocus
          maxLength={200}
          spellCheck={false}
          error={problems.key ?? serverError("key")}
        />
      )}
      <SelectField
        label="Type"
        name="type"
        value={type}
        options={TYPE_OPTIONS}
        onChange={(event) => changeType(event.target.value as StoreType)}
      />
      {type === "boolean" ? (
        <SelectField {...valueProps} options={BOOLEAN_OPTIONS} onChange={(event) => setText(event.target.value)} />
      ) : type === "object" ? (
        <TextArea {...valueProps} rows={5} spellCheck={false} onChange={(event) => setText(event.target.value)} />
      ) : (
        <TextField
          {...valueProps}
          inputMode={type === "number" ? "decimal" : undefined}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      )}
      {children}
      <FormFooter label="Save" pendingLabel="Saving…" pending={pending} onCancel={onCancel} />
    </form>
  );
}
