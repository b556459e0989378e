package dev.turnpike.cdi.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Not a bean: passes while the injected switchboard is open. Logs its lifecycle there. */
public class BoardIsOpen implements RequestPredicate {

    @Inject
    Switchboard board;

    @NotNull
    @Pattern(regexp = "[a-z]+", message = "must be lower-case letters, not ${1+1} {regexp}")
    private String label;

    @Min(1)
    private int weight = 1;

    public void setLabel(String label) {
        this.label = label;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    @PostConstruct
    void ready() {
        board.event("PostConstruct " + label + " weight " + weight);
    }

    @PreDestroy
    void gone() {
        board.event("PreDestroy " + label);
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return board.isOpen();
    }
}
