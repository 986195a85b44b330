import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SelectField, TextArea, TextField } from "../../components/ui/field";

afterEach(cleanup);

// A caller's className (the cron line's monospace) used to replace the control's look: the box,
// its border and its padding vanished and the text sat beside the label.
describe("a labelled field given a className", () => {
  it("keeps the control's box and adds the caller's classes", () => {
    render(
      <>
        <TextField label="Cron line" className="font-mono" defaultValue="* * * * *" />
        <TextArea label="Arguments" className="font-mono" />
        <SelectField label="Step" className="font-mono" options={[{ value: "a", label: "A" }]} />
      </>,
    );
    for (const name of ["Cron line", "Arguments", "Step"]) {
      const control = screen.getByLabelText(name);
      expect(control.className).toContain("border-slate-300");
      expect(control.className).toContain("font-mono");
    }
  });

  it("keeps the control's look alone without one", () => {
    render(<TextField label="Name" />);
    expect(screen.getByLabelText("Name").className).toContain("border-slate-300");
  });
});
