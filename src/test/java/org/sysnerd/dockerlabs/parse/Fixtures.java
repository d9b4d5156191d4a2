package org.sysnerd.dockerlabs.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Loads the recorded and written host outputs under {@code src/test/resources/fixtures/}
 * (see the README.md there for which is which).
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The text of a fixture, e.g. {@code text("iptables/docker-29.txt")}. */
    public static String text(String path) {
        String resource = "/fixtures/" + path;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the fixture " + resource, e);
        }
    }

    /** A JSON object fixture as a map, the way the Docker API client hands it over. */
    public static Map<String, Object> json(String path) {
        try {
            return JSON.readValue(text(path), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("the fixture " + path + " is not a JSON object", e);
        }
    }
}
