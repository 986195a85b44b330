import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Time } from "../../components/ui/time";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse("2026-11-30T12:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const twelveSecondsAgo = "2026-11-30T11:59:48Z";

describe("a relative time on screen", () => {
  it("moves on every second when asked to, and every 15 s by default", () => {
    render(
      <>
        <p data-testid="live">
          <Time value={twelveSecondsAgo} everyMs={1000} />
        </p>
        <p data-testid="calm">
          <Time value={twelveSecondsAgo} />
        </p>
      </>,
    );
    expect(screen.getByTestId("live").textContent).toBe("12 s ago");
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId("live").textContent).toBe("15 s ago");
    expect(screen.getByTestId("calm").textContent).toBe("12 s ago");
    act(() => vi.advanceTimersByTime(12_000));
    expect(screen.getByTestId("live").textContent).toBe("27 s ago");
    expect(screen.getByTestId("calm").textContent).toBe("27 s ago");
  });

  it("stops its clock once nothing on screen reads it", () => {
    render(<Time value={twelveSecondsAgo} everyMs={1000} />);
    expect(vi.getTimerCount()).toBe(1);
    cleanup();
    expect(vi.getTimerCount()).toBe(0);
  });
});
