import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommandForm } from "../../components/devices/command-form";
import { StoreValueForm } from "../../components/devices/store-value-form";
import type { StoreItem } from "../../lib/contracts/store";

afterEach(cleanup);

const noServerError = () => undefined;

function commandForm(canSendCustom: boolean) {
  const onSend = vi.fn();
  render(<CommandForm canSendCustom={canSendCustom} onSend={onSend} pending={false} serverError={noServerError} />);
  return { onSend, send: () => fireEvent.click(screen.getByRole("button", { name: "Send command" })) };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("the command box", () => {
  it("offers a user reboot and update only, and sends the picked one with its arguments", () => {
    const { onSend, send } = commandForm(false);
    const choices = screen.getAllByRole("radio").map((radio) => (radio as HTMLInputElement).value);
    expect(choices).toEqual(["reboot", "update"]);
    expect(screen.queryByLabelText("Command name")).toBeNull();

    fireEvent.click(screen.getByRole("radio", { name: /Update/ }));
    type("Arguments (JSON, optional)", '{"channel": "beta"}');
    send();
    expect(onSend).toHaveBeenCalledWith({ command: "update", args: { channel: "beta" } });
  });

  it("offers an admin a custom command, named and with JSON object arguments", () => {
    const { onSend, send } = commandForm(true);
    fireEvent.click(screen.getByRole("radio", { name: /Custom/ }));
    send();
    expect(screen.getByText("Required: the name the device's application knows")).toBeTruthy();

    type("Command name", "  calibrate ");
    type("Arguments (JSON, optional)", "[1, 2]");
    send();
    expect(screen.getByText('A JSON object, such as {"delay": 5}')).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();

    type("Arguments (JSON, optional)", '{"offset": -0.5}');
    send();
    expect(onSend).toHaveBeenCalledWith({ command: "calibrate", args: { offset: -0.5 } });
  });
});

function storeForm(item?: Pick<StoreItem, "key" | "type" | "value">) {
  const onSubmit = vi.fn();
  render(
    <StoreValueForm item={item} onSubmit={onSubmit} onCancel={vi.fn()} pending={false} serverError={noServerError} />,
  );
  return { onSubmit, save: () => fireEvent.click(screen.getByRole("button", { name: "Save" })) };
}

const pickType = (type: string) => fireEvent.change(screen.getByLabelText("Type"), { target: { value: type } });

describe("a Store value's edit form", () => {
  it("reads the text as the picked type and refuses text that is not one", () => {
    const { onSubmit, save } = storeForm();
    type("Key", "setpoint");
    pickType("number");
    type("Value", "warm");
    save();
    expect(screen.getByText("A number such as 21.5")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    type("Value", " 21.5 ");
    save();
    expect(onSubmit).toHaveBeenLastCalledWith({ key: "setpoint", type: "number", value: 21.5 });

    // The same digits as text stay text.
    pickType("string");
    save();
    expect(onSubmit).toHaveBeenLastCalledWith({ key: "setpoint", type: "string", value: " 21.5 " });

    pickType("object");
    type("Value", '{"mode": "eco"}');
    save();
    expect(onSubmit).toHaveBeenLastCalledWith({ key: "setpoint", type: "object", value: { mode: "eco" } });
    type("Value", '"eco"');
    save();
    expect(screen.getByText('A JSON object or array, such as {"mode": "eco"}')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledTimes(3);
  });

  it("edits a boolean as a choice of true or false, and keeps the key it edits", () => {
    const { onSubmit, save } = storeForm({ key: "power", type: "boolean", value: true });
    expect((screen.getByLabelText("Key") as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText("Value") as HTMLSelectElement).value).toBe("true");
    type("Value", "false");
    save();
    expect(onSubmit).toHaveBeenCalledWith({ key: "power", type: "boolean", value: false });
  });

  it("asks for a key when it sets a new value", () => {
    const { onSubmit, save } = storeForm();
    type("Value", "hello");
    save();
    expect(screen.getByText("Required")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
