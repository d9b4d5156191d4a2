package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A raw HTTP response from nc")
class HttpResponseTest {

    // Recorded: printf 'GET / HTTP/1.0\r\n…' | nc -w 3 172.17.0.1 32769 in the learner VM's namespace (head).
    private static final String OK = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n"
            + "Connection: close\r\n\r\n<!DOCTYPE html>\n<html>\n";

    @Test
    @DisplayName("gives the body of a 200")
    void body_of_ok() {
        assertThat(HttpResponse.status(OK)).isEqualTo(200);
        assertThat(HttpResponse.body(OK)).isEqualTo("<!DOCTYPE html>\n<html>\n");
    }

    @Test
    @DisplayName("gives no body for a 404, which still answers")
    void not_found_answers() {
        String notFound = "HTTP/1.1 404 Not Found\r\nServer: nginx\r\n\r\ngone";
        assertThat(HttpResponse.status(notFound)).isEqualTo(404);
        assertThat(HttpResponse.body(notFound)).isNull();
    }

    @Test
    @DisplayName("is no response when nothing was printed (connection refused)")
    void nothing() {
        assertThat(HttpResponse.status("")).isEqualTo(-1);
        assertThat(HttpResponse.body("")).isNull();
    }
}
