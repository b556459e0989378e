package dev.turnpike.admin;

import java.util.List;

/**
 * The body of every error answer of the API.
 *
 * @param status  the HTTP status
 * @param message what is wrong
 * @param details the single problems, when there are several (e.g. each invalid field)
 */
public record ApiError(int status, String message, List<String> details) {
}
