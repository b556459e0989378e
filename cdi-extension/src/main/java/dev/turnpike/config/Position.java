package dev.turnpike.config;

/** A 1-based line and column in a configuration file. */
record Position(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
