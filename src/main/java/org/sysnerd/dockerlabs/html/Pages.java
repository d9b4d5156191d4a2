package org.sysnerd.dockerlabs.html;

import static j2html.TagCreator.body;
import static j2html.TagCreator.code;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.document;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.each;
import static j2html.TagCreator.head;
import static j2html.TagCreator.html;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;
import static j2html.TagCreator.span;
import static j2html.TagCreator.style;
import static j2html.TagCreator.title;

import j2html.tags.DomContent;
import j2html.tags.specialized.SpanTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The frame the kit's pages share, built with j2html, which escapes every text and attribute value it is given: a
 * container named {@code <script>} shows as text. Only the kit's own style sheet and script go in as they are.
 */
public final class Pages {

    private Pages() {
    }

    /** A whole page: its title, the kit's inline style and script, the Content-Security-Policy, and this content. */
    public static String page(String title, DomContent... content) {
        PageAssets assets = PageAssets.kit();
        return document(html(
                head(meta().withCharset("utf-8"),
                        meta().attr("http-equiv", "Content-Security-Policy").withContent(assets.contentSecurityPolicy()),
                        meta().withName("referrer").withContent("no-referrer"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title(title),
                        style(rawHtml(assets.css()))),
                body(main(content), script(rawHtml(assets.js())))).withLang("en")) + "\n";
    }

    /** A verdict as a word in its colour: {@code passed}, {@code failed}, {@code blocked}, {@code not checked}. */
    public static SpanTag verdict(String word) {
        return span(word).withClass("verdict");
    }

    /** A term and its text in a {@code dl}, or nothing when the text is null. */
    public static DomContent term(String term, String text) {
        return text == null ? rawHtml("") : each(dt(term), dd(text));
    }

    /** A command to copy (the script adds a Copy button), or nothing when there is none. */
    public static DomContent command(String term, String command) {
        if (command == null || command.isBlank()) {
            return rawHtml("");
        }
        return each(dt(term), dd(code(command)).withClass("command"));
    }

    /**
     * Writes the page (or any text file of a report) to {@code file}, creating its directory: whole or not at all, through
     * a file beside it renamed over it, so that a JVM that exits meanwhile (a grader ends while a late run writes) never
     * leaves a cut-off file for a reader to take for the report.
     */
    public static Path write(Path file, String text) throws IOException {
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.writeString(partial, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
