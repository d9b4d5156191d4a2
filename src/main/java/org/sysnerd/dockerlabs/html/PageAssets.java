package org.sysnerd.dockerlabs.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The kit's own style sheet and script, inlined in every page, and the Content-Security-Policy that lets only them
 * run: nothing is loaded from anywhere (no network, no CDN: a page opens on an air-gapped VM and as a CI artifact).
 *
 * @param css the style sheet ({@code pages.css}), inlined as it is
 * @param js  the script ({@code pages.js}): copy buttons and sortable columns; the page reads without it
 */
public record PageAssets(String css, String js) {

    private static final PageAssets KIT = new PageAssets(resource("pages.css"), resource("pages.js"));

    /** The kit's assets, read once. */
    public static PageAssets kit() {
        return KIT;
    }

    /** {@code default-src 'none'}, and only this style sheet and this script, by their hashes. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(js)
                + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the kit's page asset " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
