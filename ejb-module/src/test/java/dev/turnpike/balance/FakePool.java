package dev.turnpike.balance;

/** Connection counts a test sets by hand. */
final class FakePool implements BackendPool {

    int active;
    int starting;
    int idle;
    int closeIdleCalls;

    @Override
    public int active() {
        return active;
    }

    @Override
    public int starting() {
        return starting;
    }

    @Override
    public int idle() {
        return idle;
    }

    @Override
    public void closeIdle() {
        idle = 0;
        closeIdleCalls++;
    }
}
