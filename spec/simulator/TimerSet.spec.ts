import { TimerSet } from '../../lib/simulator/TimerSet';
import { ManualTimers } from './simulatorClient';

describe('TimerSet', () => {
  it('calls a scheduled callback when its timer fires', () => {
    const timers = new ManualTimers();
    const set = new TimerSet(timers);
    const callback = jest.fn();

    set.schedule(callback, 25);
    timers.fireAll();

    expect(timers.all[0]?.delayMs).toBe(25);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('cancels one timer through the function schedule returns', () => {
    const timers = new ManualTimers();
    const set = new TimerSet(timers);

    set.schedule(jest.fn(), 25)();

    expect(timers.all[0]?.state).toBe('cleared');
  });

  it('resolves a delay with true once it has passed', async () => {
    const timers = new ManualTimers();
    const set = new TimerSet(timers);

    const delay = set.delay(10);
    timers.fireAll();

    await expect(delay).resolves.toBe(true);
  });

  it('clears every pending timer and resolves pending delays with false on cancelAll', async () => {
    const timers = new ManualTimers();
    const set = new TimerSet(timers);
    const callback = jest.fn();

    set.schedule(callback, 10);
    const delay = set.delay(20);
    set.cancelAll();

    await expect(delay).resolves.toBe(false);
    expect(timers.all.map((timer) => timer.state)).toEqual(['cleared', 'cleared']);
    expect(callback).not.toHaveBeenCalled();
  });

  it('refuses new timers once cancelled', async () => {
    const timers = new ManualTimers();
    const set = new TimerSet(timers);

    set.cancelAll();
    set.schedule(jest.fn(), 10);

    await expect(set.delay(10)).resolves.toBe(false);
    expect(timers.all).toEqual([]);
  });

  it('forgets a timer that fires at once, so cancelAll does not clear it', () => {
    const cleared = jest.fn();
    const set = new TimerSet({
      setTimeout: (callback) => {
        callback();
        return 'handle';
      },
      clearTimeout: cleared,
    });

    set.schedule(jest.fn(), 0);
    set.cancelAll();

    expect(cleared).not.toHaveBeenCalled();
  });
});
