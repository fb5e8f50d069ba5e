import { describe, expect, it, vi } from 'vitest';
import { drillFaults, SimulatedNetwork } from './network.js';

describe('SimulatedNetwork', () => {
  it('is offline when the device has no signal or the drill says so', () => {
    let device = true;
    const network = new SimulatedNetwork(() => device);
    expect(network.isOnline()).toBe(true);
    network.drill = 'offline';
    expect(network.isOnline()).toBe(false);
    network.drill = 'server-error';
    expect(network.isOnline()).toBe(true);
    device = false;
    expect(network.isOnline()).toBe(false);
  });

  it('tells subscribers when the drill changes', () => {
    const network = new SimulatedNetwork(() => true);
    const listener = vi.fn();
    network.subscribe(listener);
    network.drill = 'offline';
    network.drill = 'normal';
    expect(listener.mock.calls).toEqual([[false], [true]]);
  });

  it('makes a fetch fail like a dropped connection while offline, and pass through otherwise', async () => {
    const network = new SimulatedNetwork(() => true);
    const inner = vi.fn(async () => new Response('ok'));
    const wrapped = network.wrap(inner as unknown as typeof fetch);
    network.drill = 'offline';
    await expect(wrapped('http://127.0.0.1/api/v2/health')).rejects.toThrow(TypeError);
    expect(inner).not.toHaveBeenCalled();
    network.drill = 'normal';
    expect(await (await wrapped('http://127.0.0.1/api/v2/health')).text()).toBe('ok');
  });
});

describe('drillFaults', () => {
  it('gives the mock a fault for every drill but normal', () => {
    expect(drillFaults('normal')).toBeNull();
    expect(drillFaults('offline')).toBe('offline');
    expect(drillFaults('server-error')).toMatch(/^5xx/);
    expect(drillFaults('slow')).toMatch(/^latency=/);
  });
});
