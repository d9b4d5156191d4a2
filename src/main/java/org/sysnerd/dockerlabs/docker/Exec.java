package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

/** {@code docker exec}, bounded: a command run in a container, its exit code and its output kept apart. */
public final class Exec {

    private Exec() {
    }

    /** What a command printed, and how it ended. */
    public record Result(long exitCode, String stdout, String stderr) {
    }

    /** Runs the command in the container; unavailable when it cannot be run or does not end within the limit. */
    public static Result run(DockerClient client, String containerId, List<String> command, List<String> env, Duration limit) {
        String line = String.join(" ", command);
        try (Output output = new Output()) {
            String execId = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new)).withEnv(env)
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            client.execStartCmd(execId).exec(output);
            if (!output.awaitCompletion(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HostFactUnavailable("`" + line + "` did not finish within " + limit.toSeconds() + " s");
            }
            Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
            return new Result(exitCode == null ? -1 : exitCode, output.text(StreamType.STDOUT), output.text(StreamType.STDERR));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostFactUnavailable("interrupted while running `" + line + "`", e);
        } catch (DockerException | IOException e) {
            throw new HostFactUnavailable("could not run `" + line + "` in container " + containerId + ": " + e.getMessage(), e);
        }
    }

    /** An argument as a shell needs it, so that a recorded command line can be pasted. */
    public static String quoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:=@%+,-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /** Collects stdout and stderr apart, as bytes (a frame may end inside a UTF-8 character). */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
        }

        String text(StreamType stream) {
            return (stream == StreamType.STDERR ? stderr : stdout).toString(StandardCharsets.UTF_8);
        }
    }
}
