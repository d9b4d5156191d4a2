package org.sysnerd.dockerlabs.preflight;

import java.util.Locale;

/**
 * An image the run needs that is not on the daemon and cannot be pulled: which one, how it was chosen, and the
 * registry's answer, sorted by cause so that the fix can be chosen from it.
 *
 * @param image  the image, with where its name came from (e.g. {@code nginx:1.27.4}, or an override's property)
 * @param answer the daemon's words (which relay the registry's), or the reason the name was refused
 */
public record ImageProblem(String image, Cause cause, String answer) {

    /** Why an image cannot be had. */
    public enum Cause {
        /** The override is not an image name. */
        BAD_NAME("is not an image name"),
        /** The registry's name does not resolve, or nothing listens there. */
        UNREACHABLE("cannot be pulled: the registry cannot be reached"),
        /** The registry did not answer in time. */
        NO_ANSWER("cannot be pulled: the registry does not answer"),
        /** The registry refuses for now: too many pulls. */
        RATE_LIMITED("cannot be pulled: the registry's pull rate limit is reached"),
        /** The registry wants credentials, or refuses these. */
        UNAUTHORIZED("cannot be pulled: the registry refuses access"),
        /** The registry has no such image or tag. */
        NOT_FOUND("cannot be pulled: the registry has no such image"),
        /** Any other answer. */
        OTHER("cannot be pulled");

        private final String says;

        Cause(String says) {
            this.says = says;
        }
    }

    /** Sorts the daemon's answer to a pull by its cause (the daemon relays the registry's words, or its own network error). */
    public static ImageProblem fromAnswer(String image, String answer, boolean stalled) {
        String said = answer.toLowerCase(Locale.ROOT);
        Cause cause;
        if (stalled || said.contains("timeout") || said.contains("deadline exceeded") || said.contains("timed out")) {
            cause = Cause.NO_ANSWER;
        } else if (said.contains("toomanyrequests") || said.contains("rate limit") || said.contains("429")) {
            cause = Cause.RATE_LIMITED;
        } else if (said.contains("unauthorized") || said.contains("denied") || said.contains("authentication required")
                || said.contains("401") || said.contains("403")) {
            cause = Cause.UNAUTHORIZED;
        } else if (said.contains("manifest unknown") || said.contains("not found")) {
            cause = Cause.NOT_FOUND;
        } else if (said.contains("no such host") || said.contains("connection refused") || said.contains("no route to host")
                || said.contains("network is unreachable") || said.contains("server misbehaving")) {
            cause = Cause.UNREACHABLE;
        } else {
            cause = Cause.OTHER;
        }
        return new ImageProblem(image, cause, answer.strip());
    }

    /** One line for the report: the image, what it means, and the registry's own words. */
    public String describe() {
        return cause == Cause.BAD_NAME ? answer
                : "image " + image + " is not on this host and " + cause.says + ": " + answer;
    }
}
