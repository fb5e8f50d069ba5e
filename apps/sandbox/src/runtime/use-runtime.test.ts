import { describe, expect, it } from 'vitest';
import { type StartSchedule, scheduleStart } from './use-runtime.js';

/** A schedule driven by hand: timers and idle callbacks run when the test says so. */
function manual(idleMs = 4000) {
  const target = new EventTarget();
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  const idle: (() => void)[] = [];
  let next = 1;
  const schedule: StartSchedule = {
    target,
    idleMs,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    whenIdle: (fn) => void idle.push(fn),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  const runIdle = () => {
    for (const fn of idle.splice(0)) fn();
  };
  return { schedule, target, advance, runIdle };
}

describe('scheduleStart', () => {
  it('starts just after the first tap, not during it, and only once', () => {
    const { schedule, target, advance } = manual();
    let starts = 0;
    scheduleStart(() => {
      starts += 1;
    }, schedule);
    target.dispatchEvent(new Event('pointerdown'));
    expect(starts).toBe(0);
    advance(0);
    expect(starts).toBe(1);
    target.dispatchEvent(new Event('keydown'));
    advance(10_000);
    expect(starts).toBe(1);
  });

  it('starts when the page has been idle for a while without a tap', () => {
    const { schedule, advance, runIdle } = manual(4000);
    let starts = 0;
    scheduleStart(() => {
      starts += 1;
    }, schedule);
    advance(3999);
    runIdle();
    expect(starts).toBe(0);
    advance(1);
    expect(starts).toBe(0);
    runIdle();
    expect(starts).toBe(1);
  });

  it('starts nothing once cancelled (the player left the screen)', () => {
    const { schedule, target, advance, runIdle } = manual();
    let starts = 0;
    const cancel = scheduleStart(() => {
      starts += 1;
    }, schedule);
    cancel();
    target.dispatchEvent(new Event('touchstart'));
    advance(10_000);
    runIdle();
    expect(starts).toBe(0);
  });
});
