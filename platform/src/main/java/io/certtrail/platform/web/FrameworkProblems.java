package io.certtrail.platform.web;

/**
 * The stable {@code type} and {@code code} of problems Spring or the container detect before any
 * rule of ours runs (a wrong method, media type or path): clients switch on {@code code}, so these
 * have one too, like every problem of the API.
 */
final class FrameworkProblems {

    private FrameworkProblems() {}

    static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 500 -> "INTERNAL_ERROR";
            case 503 -> "UNAVAILABLE";
            default -> "HTTP_" + status;
        };
    }

    /**
     * The problem type: the stable ones the API has always given these ({@code invalid-request} for a
     * request it cannot take, {@code internal-error} for its own fault), and {@code not-found} like
     * every other 404. The {@code code} says which it was.
     */
    static String slug(int status) {
        return status == 404 ? "not-found" : status >= 500 ? "internal-error" : "invalid-request";
    }
}
