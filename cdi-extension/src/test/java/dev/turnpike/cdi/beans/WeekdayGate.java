package dev.turnpike.cdi.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** A named dependent predicate: referenced from XML as {@code <app:weekdays/>}. */
@Named("weekdays")
@Dependent
public class WeekdayGate implements RequestPredicate {

    @Inject
    Switchboard board;

    private String day = "monday";

    public void setDay(String day) {
        this.day = day;
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return board.isOpen() && day.equals(request.getHeader("X-Day"));
    }
}
