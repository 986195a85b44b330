"use client";
import { useId, type KeyboardEvent, type ReactNode } from "react";
import type { Widget } from "@/lib/contracts/dashboard";

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export interface WidgetEditing {
  onMove: (dx: number, dy: number) => void;
  onResize: (dw: number, dh: number) => void;
  onRemove: () => void;
}

const EDIT_BUTTONS: ReadonlyArray<{ label: string; text: string; act: (edit: WidgetEditing) => void }> = [
  { label: "Move left", text: "←", act: (e) => e.onMove(-1, 0) },
  { label: "Move right", text: "→", act: (e) => e.onMove(1, 0) },
  { label: "Move up", text: "↑", act: (e) => e.onMove(0, -1) },
  { label: "Move down", text: "↓", act: (e) => e.onMove(0, 1) },
  { label: "Narrower", text: "−W", act: (e) => e.onResize(-1, 0) },
  { label: "Wider", text: "+W", act: (e) => e.onResize(1, 0) },
  { label: "Shorter", text: "−H", act: (e) => e.onResize(0, -1) },
  { label: "Taller", text: "+H", act: (e) => e.onResize(0, 1) },
];

/**
 * A widget's card. In edit mode it has a drag handle for the grid, and keyboard alternatives: when
 * the card has focus the arrow keys move it and Shift+arrows resize it, and buttons do the same.
 */
export function WidgetFrame({
  widget,
  editing,
  children,
}: {
  widget: Widget;
  editing: WidgetEditing | null;
  children: ReactNode;
}) {
  const hintId = useId();
  const title = widget.title || widget.metric || widget.type;

  function onKeyDown(event: KeyboardEvent) {
    const step = ARROWS[event.key];
    if (!editing || !step || event.target !== event.currentTarget) return;
    event.preventDefault();
    if (event.shiftKey) editing.onResize(...step);
    else editing.onMove(...step);
  }

  return (
    <section
      aria-label={title}
      aria-describedby={editing ? hintId : undefined}
      tabIndex={editing ? 0 : undefined}
      onKeyDown={onKeyDown}
      className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand"
    >
      <header className="flex items-center gap-2 border-b border-slate-100 px-3 py-1">
        {editing && (
          <span className="widget-drag-handle cursor-move text-muted select-none" aria-hidden title="Drag to move">
            ⠿
          </span>
        )}
        <h2 className="min-w-0 flex-1 truncate text-sm font-medium">{title}</h2>
        {editing && (
          <button
            type="button"
            onClick={editing.onRemove}
            className="rounded px-1 text-xs text-danger hover:underline focus-visible:outline-2 focus-visible:outline-brand"
          >
            Remove <span className="sr-only">{title}</span>
          </button>
        )}
      </header>
      {editing && (
        <div className="flex flex-wrap gap-1 border-b border-slate-100 px-3 py-1">
          <p id={hintId} className="sr-only">
            Arrow keys move this widget; Shift and arrow keys resize it.
          </p>
          {EDIT_BUTTONS.map((button) => (
            <button
              key={button.label}
              type="button"
              aria-label={`${button.label}: ${title}`}
              title={button.label}
              onClick={() => button.act(editing)}
              className="min-w-7 rounded border border-slate-300 px-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand"
            >
              {button.text}
            </button>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1 overflow-hidden p-2">{children}</div>
    </section>
  );
}
