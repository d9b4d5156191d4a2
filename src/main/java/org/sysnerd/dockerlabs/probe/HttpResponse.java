package org.sysnerd.dockerlabs.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a raw HTTP/1.x response, as {@code nc} prints it: the status line, headers, a blank line, the body. */
final class HttpResponse {

    private static final Pattern STATUS = Pattern.compile("\\AHTTP/\\d(?:\\.\\d)? (\\d{3})");

    private HttpResponse() {
    }

    /** The response's status code, or -1 when the text is no HTTP response. */
    static int status(String response) {
        Matcher status = STATUS.matcher(response);
        return status.find() ? Integer.parseInt(status.group(1)) : -1;
    }

    /** The body of a successful response (status below 400), or null when there is none. */
    static String body(String response) {
        int status = status(response);
        int blank = response.indexOf("\r\n\r\n");
        return status < 0 || status >= 400 || blank < 0 ? null : response.substring(blank + 4);
    }
}
