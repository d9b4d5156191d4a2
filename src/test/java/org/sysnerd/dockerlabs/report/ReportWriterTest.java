package org.sysnerd.dockerlabs.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.Need;

@DisplayName("ReportWriter writes a run's report for the learner, the grader and the shell")
class ReportWriterTest {

    private static final String RUN_ID = "5f3a9c1e";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private static final String Q1_EVIDENCE = "container PID 4242: net:[4026532183] vs host net:[4026531833]";
    private static final Lesson Q3_LESSON = new Lesson("a published port is a DNAT rule in the nat table",
            "a DNAT rule for tcp port 8080 to 172.17.0.2:80", "no DNAT rule for port 8080 (2 rules in DOCKER)",
            "sudo iptables -t nat -S DOCKER | grep 8080");
    private static final String Q3_MESSAGE = Q3_LESSON.text();
    private static final String Q3_HINT = "the daemon runs with --iptables=false: it writes no NAT rules";
    private static final String Q3_VERIFY = "sudo iptables -t nat -L DOCKER -n | grep 8080";
    private static final String ROOTLESS = "rootless Docker: docker0 and the DNAT rules live in RootlessKit's network "
            + "namespace, not the host's (Q3, Q4 do not apply)";
    private static final String NOT_RUN = "not run: the lab was blocked before its facts (the lab's message says why)";
    private static final String ROOTFUL = "run the labs against a rootful Docker to see docker0 and DNAT";

    private static JsonSchema schema;

    /** One passed, one failed with a hint, one blocked lab; the preflight found rootless Docker. */
    private static Report report() {
        LabResult passed = new LabResult("Q1", "A container is just a host process", LabStatus.PASSED, List.of(Q1_EVIDENCE),
                null, null, null, "sudo ls -l /proc/$(docker inspect -f \"{{.State.Pid}}\" web)/ns/net", 812,
                List.of(new TestResult("the container's PID 1 is a host process", LabStatus.PASSED, null)),
                List.of(), List.of(new CommandRecord("docker inspect -f '{{.State.Pid}}' web", "4242"),
                        new CommandRecord("readlink /proc/4242/ns/net", "net:[4026532183]\n")));
        LabResult failed = new LabResult("Q3", "Publishing a port is DNAT", LabStatus.FAILED, List.of(), Q3_MESSAGE, Q3_HINT,
                Q3_LESSON, Q3_VERIFY, 1530, List.of(new TestResult("a published port is a DNAT rule in the nat table",
                        LabStatus.FAILED, Q3_MESSAGE, Q3_LESSON)), List.of(),
                List.of(new CommandRecord("sudo iptables -t nat -S DOCKER", "-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n")));
        LabResult blocked = new LabResult("Q4", "docker0 is the bridge you built", LabStatus.BLOCKED, List.of(), ROOTLESS,
                ROOTFUL, null, "ip addr show docker0", 3, List.of(new TestResult("docker0 is a bridge", LabStatus.BLOCKED, NOT_RUN),
                        new TestResult("the container's veth is enslaved to docker0", LabStatus.BLOCKED, NOT_RUN)), List.of(), List.of());
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("summary", "Docker 28.3.3 · overlay2 · cgroup v2 · iptables · rootless");
        engine.put("version", "28.3.3");
        engine.put("operatingSystem", "Ubuntu 24.04.2 LTS");
        engine.put("storageDriver", "overlay2");
        engine.put("containerdStore", false);
        engine.put("cgroupVersion", "2");
        engine.put("cgroupDriver", "systemd");
        engine.put("firewallBackend", "iptables");
        engine.put("rootless", true);
        engine.put("desktop", false);
        engine.put("podman", false);
        List<Finding> preflight = List.of(
                Finding.ok("docker", "Docker 28.3.3 · overlay2 · cgroup v2 · iptables · rootless at unix:///run/user/1000/docker.sock"),
                Finding.blocking("engine", ROOTLESS, ROOTFUL, Need.BRIDGE, Need.NAT_TABLE),
                Finding.ok("host facts", "direct (this process, user root)"));
        return new Report(Report.SCHEMA, RUN_ID, "spec", "2026-11-28T10:24:59.133616080Z", "2026-11-28T10:25:12.990507970Z", engine,
                "direct (this process, user root)", preflight, List.of(passed, failed, blocked), 1, 3);
    }

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = resource("/labs-report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReportWriterTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no " + name + " on the test classpath");
        }
        return in;
    }

    private static JsonNode jsonOf(Report report) {
        try {
            return MAPPER.readTree(ReportWriter.json(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode json) {
        return schema.validate(json);
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Nested
    @DisplayName("labs-report.json")
    class Json {

        @Test
        @DisplayName("follows labs-report.schema.json")
        void follows_the_schema() {
            assertThat(validate(jsonOf(report()))).isEmpty();
        }

        @Test
        @DisplayName("follows the schema with an empty engine, as when Docker was not reached")
        void follows_the_schema_without_an_engine() {
            Report report = report();
            Report unreached = new Report(report.schema(), report.runId(), report.mode(), report.startedAt(), report.finishedAt(), Map.of(),
                    report.probe(), List.of(), report.labs(), report.passed(), report.total());

            assertThat(validate(jsonOf(unreached))).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"recorded-run.json", "recorded-run-all-passed.json", "recorded-learner-run.json",
                "recorded-vm-q3-failed.json"})
        @DisplayName("the reports recorded on this machine (src/test/resources/report/) follow the schema")
        void recorded_runs_follow_the_schema(String recorded) throws IOException {
            try (InputStream in = resource("/report/" + recorded)) {
                assertThat(validate(MAPPER.readTree(in))).isEmpty();
            }
        }

        @Test
        @DisplayName("writes a lab's status by its name, as the schema's enum has it")
        void status_by_name() {
            assertThat(jsonOf(report()).at("/labs/1/status").asText()).isEqualTo("FAILED");
        }

        @Test
        @DisplayName("writes each lab's points after its facts, and the run's in all; blocked facts out of the total")
        void points() {
            JsonNode json = jsonOf(report());

            assertThat(json.at("/labs/1/points").toString()).isEqualTo("{\"earned\":0,\"possible\":1,\"notChecked\":0,\"blocked\":0}");
            assertThat(json.at("/points").toString()).isEqualTo("{\"earned\":1,\"possible\":2,\"notChecked\":0,\"blocked\":2}");
            assertThat(StreamSupport.stream(Spliterators.spliteratorUnknownSize(json.at("/labs/0").fieldNames(), 0), false).toList()).containsSubsequence("tests", "points", "subjects");
        }

        @Test
        @DisplayName("a report without labs does not follow the schema")
        void without_labs_is_invalid() {
            ObjectNode json = (ObjectNode) jsonOf(report());
            json.remove("labs");

            assertThat(validate(json)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("labs"));
        }

        @Test
        @DisplayName("a lab with the status SKIPPED does not follow the schema")
        void skipped_is_invalid() {
            ObjectNode json = (ObjectNode) jsonOf(report());
            ((ObjectNode) json.get("labs").get(0)).put("status", "SKIPPED");

            assertThat(validate(json)).isNotEmpty();
        }

        @Test
        @DisplayName("a lab whose id is not Q and a number does not follow the schema")
        void bad_lab_id_is_invalid() {
            ObjectNode json = (ObjectNode) jsonOf(report());
            ((ObjectNode) json.get("labs").get(0)).put("id", "lab1");

            assertThat(validate(json)).isNotEmpty();
        }

        @Test
        @DisplayName("a startedAt that is not a date-time does not follow the schema")
        void bad_date_is_invalid() {
            ObjectNode json = (ObjectNode) jsonOf(report());
            json.put("startedAt", "yesterday");

            assertThat(validate(json)).isNotEmpty();
        }
    }

    @Nested
    @DisplayName("labs-report.schema.json")
    class Schema {

        @Test
        @DisplayName("is a valid draft 2020-12 schema")
        void is_a_valid_2020_12_schema() throws IOException {
            JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
            try (InputStream in = resource("/labs-report.schema.json")) {
                assertThat(metaSchema.validate(MAPPER.readTree(in))).isEmpty();
            }
        }

        @Test
        @DisplayName("describes every property, for a course's grader")
        void describes_every_property() throws IOException {
            try (InputStream in = resource("/labs-report.schema.json")) {
                assertThat(undescribed(MAPPER.readTree(in), "")).isEmpty();
            }
        }

        /** The paths of the properties (and $defs) that have no description. */
        private List<String> undescribed(JsonNode node, String path) {
            List<String> missing = new ArrayList<>();
            for (String group : List.of("properties", "$defs")) {
                node.path(group).properties().forEach(entry -> {
                    String at = path + "/" + group + "/" + entry.getKey();
                    boolean described = entry.getValue().has("description") || entry.getValue().has("$ref");
                    if (!described) {
                        missing.add(at);
                    }
                    missing.addAll(undescribed(entry.getValue(), at));
                    missing.addAll(undescribed(entry.getValue().path("items"), at + "/items"));
                });
            }
            return missing;
        }
    }

    @Nested
    @DisplayName("the console table")
    class Console {

        private final String console = ReportWriter.console(report());

        @Test
        @DisplayName("has one line per lab, with its status")
        void one_line_per_lab() {
            assertThat(lines(console).stream().filter(l -> l.matches("Q[0-9]+ .*")).map(l -> l.replaceAll("\\s+", " ")))
                    .containsExactly("Q1 A container is just a host process PASSED 1 of 1 point",
                            "Q3 Publishing a port is DNAT FAILED 0 of 1 point",
                            "Q4 docker0 is the bridge you built BLOCKED 0 of 0 points (2 blocked, out of the total)");
        }

        @Test
        @DisplayName("shows the evidence of a passed lab, under it, and no message")
        void passed_lab_shows_its_evidence() {
            List<String> lines = lines(console);
            int q1 = lines.indexOf(lines.stream().filter(l -> l.startsWith("Q1 ")).findFirst().orElseThrow());

            assertThat(lines.subList(q1 + 1, q1 + 3)).satisfiesExactly(
                    evidence -> assertThat(evidence).isEqualTo("      " + Q1_EVIDENCE),
                    next -> assertThat(next).startsWith("Q3 "));
        }

        @Test
        @DisplayName("shows a failed lab's message, its hint after 'Why:', and the command to verify it yourself")
        void failed_lab_shows_message_why_and_verify() {
            assertThat(lines(console)).containsSubsequence("      a published port is a DNAT rule in the nat table",
                    "      Expected: a DNAT rule for tcp port 8080 to 172.17.0.2:80",
                    "      Seen: no DNAT rule for port 8080 (2 rules in DOCKER)",
                    "      See it yourself: sudo iptables -t nat -S DOCKER | grep 8080",
                    "      Why: " + Q3_HINT, "      Verify it yourself: " + Q3_VERIFY);
        }

        @Test
        @DisplayName("shows a blocked lab's cause and its fix after 'Fix:'")
        void blocked_lab_shows_its_fix() {
            assertThat(lines(console)).containsSequence("      " + ROOTLESS, "      Fix: " + ROOTFUL,
                    "      Verify it yourself: ip addr show docker0");
        }

        @Test
        @DisplayName("names the blocking preflight finding and its fix before the labs")
        void names_the_blocking_finding() {
            assertThat(console).contains("! engine: " + ROOTLESS + "\n  Fix: " + ROOTFUL + "\n")
                    .doesNotContain("! docker:");
        }

        @Test
        @DisplayName("ends with the score line, the engine and the probe")
        void ends_with_the_score() {
            assertThat(lines(console)).contains(
                    "1/3 labs passed · 1 of 2 points  (Docker 28.3.3 · overlay2 · cgroup v2 · iptables · rootless · direct (this process, user root))",
                    "2 facts blocked (could not be checked on this host), out of the total");
        }

        @Test
        @DisplayName("names a blocked fact among checked ones, out of the total; a lab blocked as a whole says so on its line")
        void blocked_fact_named() {
            LabResult q3 = report().labs().get(1);
            List<TestResult> facts = List.of(new TestResult("a published port is a DNAT rule", LabStatus.PASSED, null),
                    new TestResult("a request reaches nginx through the rule", LabStatus.BLOCKED, "no packet counters"));
            LabResult partly = new LabResult("Q3", q3.title(), LabStatus.BLOCKED, List.of(), "no packet counters", null, null,
                    q3.verify(), 1, facts, List.of(), List.of());
            Report report = report();
            String console = ReportWriter.console(new Report(report.schema(), report.runId(), report.mode(), report.startedAt(),
                    report.finishedAt(), report.engine(), report.probe(), List.of(), List.of(partly, report.labs().get(2)), 0, 2));

            assertThat(lines(console)).contains("      blocked, out of the total: a request reaches nginx through the rule")
                    .noneMatch(l -> l.contains("out of the total: docker0 is a bridge"))
                    .contains("3 facts blocked (could not be checked on this host), out of the total");
        }

        @Test
        @DisplayName("says how many facts were not checked on the learner's containers, out of the total")
        void not_checked_out_of_the_total() {
            List<String> lines = lines(ReportWriter.console(RecordedReports.recorded("report/recorded-learner-run.json")));

            assertThat(lines).anyMatch(l -> l.matches("Q2 +Layers are overlayfs +PASSED +3 of 3 points \\(1 not checked, out of the total\\)"));
            assertThat(lines).anyMatch(l -> l.startsWith("5/5 labs passed · 14 of 14 points  ("))
                    .contains("2 facts not checked on your containers, out of the total");
        }
    }

    @Nested
    @DisplayName("labs-report.md")
    class Markdown {

        private final String markdown = ReportWriter.markdown(report());

        private List<String> rows() {
            return lines(markdown).stream().filter(l -> l.startsWith("| Q")).toList();
        }

        /** A row's cells, split at the pipes Markdown reads as column bounds. */
        private static List<String> cells(String row) {
            return UNESCAPED_PIPE.splitAsStream(row).skip(1).map(String::strip).toList();
        }

        @Test
        @DisplayName("has one table row per lab: its id, title and status")
        void one_row_per_lab() {
            assertThat(rows()).extracting(row -> String.join(" | ", cells(row).subList(0, 3)))
                    .containsExactly("Q1 | A container is just a host process | passed", "Q3 | Publishing a port is DNAT | failed",
                            "Q4 | docker0 is the bridge you built | blocked");
        }

        @Test
        @DisplayName("escapes '|' in a cell, so that every row keeps its four columns")
        void escapes_pipes() {
            assertThat(rows()).allSatisfy(row -> assertThat(cells(row)).hasSize(5));
            assertThat(cells(rows().get(1)).get(4)).contains("`sudo iptables -t nat -L DOCKER -n \\| grep 8080`");
        }

        @Test
        @DisplayName("gives each lab its points, and says which facts are out of the total")
        void points_per_lab() {
            assertThat(rows()).extracting(row -> cells(row).get(3).strip())
                    .containsExactly("1 of 1 point", "0 of 1 point", "0 of 0 points (2 blocked, out of the total)");
            assertThat(markdown).contains("2 facts blocked (could not be checked on this host), out of the total");
        }

        @Test
        @DisplayName("keeps a failed lab's lines in its cell, joined by <br>, with the hint")
        void failed_lab_cell() {
            assertThat(rows().get(1)).contains("Seen: no DNAT rule for port 8080 (2 rules in DOCKER)<br>See it yourself:",
                    "— " + Q3_HINT);
        }

        @Test
        @DisplayName("heads the page with the score, the run id and the mode")
        void heads_with_score_and_run() {
            assertThat(lines(markdown)).startsWith("# Docker labs: 1/3 labs passed · 1 of 2 points", "",
                    "Run `" + RUN_ID + "` · spec mode · Docker 28.3.3 · overlay2 · cgroup v2 · iptables · rootless · "
                            + "direct (this process, user root)");
        }
    }

    @Nested
    @DisplayName("labs-replay.sh")
    class Replay {

        private final String replay = ReportWriter.replay(report());

        @Test
        @DisplayName("is a shell script")
        void is_a_shell_script() {
            assertThat(replay).startsWith("#!/bin/sh\n");
        }

        @Test
        @DisplayName("lists the commands in order, each followed by its output as '#   ' comments")
        void commands_in_order_with_output() {
            assertThat(lines(replay).stream().dropWhile(l -> !l.startsWith("# ---- "))
                    .filter(l -> !l.isEmpty() && !l.startsWith("# ---- ") && !l.startsWith("# verify it yourself: ")))
                    .containsExactly("docker inspect -f '{{.State.Pid}}' web", "#   4242", "readlink /proc/4242/ns/net",
                            "#   net:[4026532183]", "sudo iptables -t nat -S DOCKER", "#   -N DOCKER",
                            "#   -A DOCKER -i docker0 -j RETURN");
        }

        @Test
        @DisplayName("names the run id in its cleanup hint")
        void cleanup_names_the_run() {
            assertThat(replay).contains("docker rm -f $(docker ps -aq --filter label=org.sysnerd.docker-labs.run=" + RUN_ID + ")");
        }

        @Test
        @DisplayName("heads each lab's commands with the lab and its verify command, as comments")
        void heads_each_lab() {
            assertThat(lines(replay)).containsSequence("# ---- Q3 · Publishing a port is DNAT (failed)",
                    "# verify it yourself: " + Q3_VERIFY, "sudo iptables -t nat -S DOCKER");
        }
    }

    @Nested
    @DisplayName("writeAll")
    class WriteAll {

        @TempDir
        Path dir;

        @Test
        @DisplayName("writes labs-report.json and labs-report.md into the directory, creating it")
        void writes_json_and_markdown() throws IOException {
            Path target = dir.resolve("target");
            ReportWriter.writeAll(report(), target, null);

            assertThat(target.resolve("labs-report.json")).usingCharset(UTF_8).hasContent(ReportWriter.json(report()));
            assertThat(target.resolve("labs-report.md")).usingCharset(UTF_8).hasContent(ReportWriter.markdown(report()));
        }

        @Test
        @DisplayName("replaces a cut-off report whole, through a file renamed over it that it does not leave behind")
        void replaces_a_report_whole_leaving_no_partial_file() throws IOException {
            Files.writeString(dir.resolve("labs-report.json"), "{\"labs\" : [");

            ReportWriter.writeAll(report(), dir, null);

            assertThat(dir.resolve("labs-report.json")).usingCharset(UTF_8).hasContent(ReportWriter.json(report()));
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("the report's directory after the write")
                        .containsExactlyInAnyOrder("labs-report.json", "labs-report.md", "labs-replay.sh", "labs-report.html");
            }
        }

        @Test
        @DisplayName("writes labs-replay.sh, executable")
        void writes_an_executable_replay() throws IOException {
            ReportWriter.writeAll(report(), dir, null);

            assertThat(dir.resolve("labs-replay.sh")).usingCharset(UTF_8).hasContent(ReportWriter.replay(report()))
                    .isExecutable();
        }

        @Test
        @DisplayName("appends the Markdown to the GITHUB_STEP_SUMMARY file it is given")
        void appends_to_the_github_summary() throws IOException {
            Path summary = Files.writeString(dir.resolve("step-summary.md"), "## Build\n");

            ReportWriter.writeAll(report(), dir.resolve("target"), summary.toString());

            assertThat(summary).usingCharset(UTF_8).hasContent("## Build\n" + ReportWriter.markdown(report()));
        }

        @Test
        @DisplayName("writes no summary when GITHUB_STEP_SUMMARY is blank")
        void no_summary_when_blank() throws IOException {
            ReportWriter.writeAll(report(), dir.resolve("target"), " ");

            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("target");
            }
        }
    }
}
