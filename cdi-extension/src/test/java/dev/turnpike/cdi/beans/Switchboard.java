package dev.turnpike.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application service the test beans inject: a switch the test flips, and a log of lifecycle calls. */
@ApplicationScoped
public class Switchboard {

    private volatile boolean open;
    private final List<String> events = new CopyOnWriteArrayList<>();

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public void event(String event) {
        events.add(event);
    }

    /** The lifecycle calls so far, then forgets them. */
    public List<String> drainEvents() {
        List<String> drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
