package org.sysnerd.dockerlabs.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.sysnerd.dockerlabs.watch.Board.Detail;
import org.sysnerd.dockerlabs.watch.Board.Line;

/**
 * Where the board is drawn: on a terminal, redrawn in place by JLine's {@link Display} (only the lines that changed
 * are written: no flicker), in colour, as much as fits; elsewhere, or with {@code NO_COLOR}, as plain lines appended
 * each time the board changed.
 */
abstract class Screen implements AutoCloseable {

    /** A terminal where stdin and stdout are one and colours are allowed, else plain lines on {@code out}. */
    static Screen open(PrintStream out) throws IOException {
        boolean tty = System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return tty ? new OnTerminal() : new Plain(out);
    }

    /** True when the board is redrawn in place (what the labs print then goes elsewhere). */
    abstract boolean inPlace();

    /** Shows the board, as detailed as fits. */
    abstract void show(Function<Detail, List<Line>> board);

    @Override
    public abstract void close();

    /** Plain lines: the whole board again, after a time stamp, each time it changed. */
    static final class Plain extends Screen {
        private final PrintStream out;
        private List<Line> last = List.of();

        Plain(PrintStream out) {
            this.out = out;
        }

        @Override
        boolean inPlace() {
            return false;
        }

        @Override
        void show(Function<Detail, List<Line>> board) {
            List<Line> lines = board.apply(Detail.ALL);
            // The status line (time, duration) changes every check: the board is printed again when the rest does.
            if (!lines.subList(0, lines.size() - 1).equals(last.isEmpty() ? last : last.subList(0, last.size() - 1))) {
                out.println("---- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
                lines.forEach(line -> out.println(line.text()));
                out.flush();
            }
            last = lines;
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** The terminal, redrawn in place. */
    static final class OnTerminal extends Screen {
        private final Terminal terminal;
        private final Display display;
        private volatile Size size;
        private Function<Detail, List<Line>> shown;

        OnTerminal() throws IOException {
            terminal = TerminalBuilder.builder().system(true).build();
            display = new Display(terminal, true);
            size = terminal.getSize();
            display.resize(size.getRows(), size.getColumns());
            terminal.puts(Capability.clear_screen);
            terminal.handle(Terminal.Signal.WINCH, signal -> resized());
            // JLine's default for Ctrl-C gives SIGINT back to the system, which then kills the JVM without its shutdown
            // hooks (measured: the probe's helper was left). Ending the JVM here runs them: the kit's clean-up.
            terminal.handle(Terminal.Signal.INT, signal -> System.exit(130));
        }

        @Override
        boolean inPlace() {
            return true;
        }

        private synchronized void resized() {
            size = terminal.getSize();
            display.resize(size.getRows(), size.getColumns());
            if (shown != null) {
                show(shown);
            }
        }

        @Override
        synchronized void show(Function<Detail, List<Line>> board) {
            shown = board;
            List<Line> lines = board.apply(Detail.ALL);
            for (Detail less : List.of(Detail.FAILING_FACTS, Detail.LABS)) {
                if (lines.size() >= size.getRows()) {
                    lines = board.apply(less);
                }
            }
            int columns = Math.max(20, size.getColumns() - 1);
            List<AttributedString> drawn = lines.stream().limit(Math.max(1, size.getRows() - 1)).map(line -> new AttributedString(
                    line.text().length() > columns ? line.text().substring(0, columns - 1) + "…" : line.text(),
                    style(line.tone()))).toList();
            display.update(drawn, size.cursorPos(drawn.size() - 1, drawn.get(drawn.size() - 1).columnLength()));
            terminal.flush();
        }

        private static AttributedStyle style(Board.Tone tone) {
            return switch (tone) {
                case HEAD -> AttributedStyle.BOLD;
                case PASSED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
                case FAILED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
                case BLOCKED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
                case QUIET -> AttributedStyle.DEFAULT.faint();
                case PLAIN -> AttributedStyle.DEFAULT;
            };
        }

        @Override
        public synchronized void close() {
            terminal.writer().println();
            terminal.flush();
            try {
                terminal.close();
            } catch (IOException e) {
                // the terminal goes with the process
            }
        }
    }
}
