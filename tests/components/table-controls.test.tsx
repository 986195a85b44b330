import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SortHeader, type SortState } from "../../components/devices/sort-header";
import { Pager } from "../../components/ui/pager";

afterEach(cleanup);

function header(sort: SortState, onSort = vi.fn()) {
  render(
    <table>
      <thead>
        <tr>
          <SortHeader label="Name" field="name" sort={sort} onSort={onSort} />
        </tr>
      </thead>
    </table>,
  );
  return { cell: screen.getByRole("columnheader"), button: screen.getByRole("button", { name: /Name/ }), onSort };
}

describe("a sortable column header", () => {
  it("sorts ascending first, then flips, and tells assistive technology", () => {
    const idle = header({ field: "created", order: "ASC" });
    expect(idle.cell.getAttribute("aria-sort")).toBe("none");
    fireEvent.click(idle.button);
    expect(idle.onSort).toHaveBeenCalledWith({ field: "name", order: "ASC" });
    cleanup();

    const active = header({ field: "name", order: "ASC" });
    expect(active.cell.getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(active.button);
    expect(active.onSort).toHaveBeenCalledWith({ field: "name", order: "DESC" });
  });
});

describe("the pager", () => {
  it("hides itself on a single page and offers only the cursors the API gave", () => {
    const { container } = render(<Pager page={{ next: null, prev: null }} onPage={vi.fn()} />);
    expect(container.innerHTML).toBe("");
    const onPage = vi.fn();
    render(<Pager page={{ next: "N1", prev: null }} onPage={onPage} />);
    expect((screen.getByRole("button", { name: "Previous page" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onPage).toHaveBeenCalledWith({ next: "N1" });
  });
});
