package dev.turnpike.registry;

import dev.turnpike.config.ConfigProblem;
import java.util.List;

/**
 * The first configuration names application classes Turnpike cannot use, so the deployment
 * fails: the message lists every such problem with its place, then the configuration's other
 * problems.
 */
public final class ApplicationClassesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApplicationClassesException(String source, List<ConfigProblem> problems) {
        super(message(source, problems));
    }

    private static String message(String source, List<ConfigProblem> problems) {
        List<ConfigProblem> application = problems.stream().filter(ConfigProblem::application).toList();
        List<ConfigProblem> others = problems.stream().filter(problem -> !problem.application()).toList();
        StringBuilder out = new StringBuilder("Turnpike cannot start: the configuration ").append(source)
                .append(" uses application classes that cannot be used (").append(application.size())
                .append(application.size() == 1 ? " problem" : " problems").append("):");
        for (ConfigProblem problem : application) {
            out.append("\n  ").append(problem);
        }
        if (!others.isEmpty()) {
            out.append("\nits other problems:");
            for (ConfigProblem problem : others) {
                out.append("\n  ").append(problem);
            }
        }
        return out.toString();
    }
}
