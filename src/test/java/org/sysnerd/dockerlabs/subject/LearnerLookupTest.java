package org.sysnerd.dockerlabs.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.InspectParser;

/** The learner's containers found, or the lesson, from recorded {@code docker inspect} outputs and variants of them. */
@DisplayName("Finding the learner's containers")
class LearnerLookupTest {

    private static final Wanted WEB = Wanted.named("web", LabImage.NGINX, true, "docker run -d --name web nginx");
    private static final Wanted GONE = Wanted.named("gone", LabImage.ALPINE, false, "docker run --name gone alpine");
    private static final Wanted PUBLISHED = Wanted.publishing(8080, 80, LabImage.NGINX, "docker run -d -p 8080:80 nginx");
    private static final Set<String> PAGE_NAMES = Set.of("web", "gone", "stayup");

    /** A recorded state, each container's raw inspect changed by {@code edit} where its name matches. */
    private static List<InspectedContainer> state(String fixture, String name, Consumer<Map<String, Object>> edit) {
        try {
            List<Map<String, Object>> raw = new ObjectMapper().readValue(Fixtures.text("inspect/" + fixture), new TypeReference<>() { });
            raw.stream().filter(c -> c.get("Name").equals("/" + name)).forEach(edit);
            return raw.stream().map(InspectParser::container).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<InspectedContainer> state(String fixture) {
        return state(fixture, "", c -> { });
    }

    private static LabFailure lesson(Wanted wanted, List<InspectedContainer> all) {
        return catchThrowableOfType(LabFailure.class, () -> LearnerLookup.find(wanted, all, PAGE_NAMES));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> container, String key) {
        return (Map<String, Object>) container.get(key);
    }

    @Test
    @DisplayName("finds web, gone and the container publishing 8080 in the page's finished state")
    void finds_the_page_state() {
        List<InspectedContainer> done = state("learner-done-recorded.json");

        assertThat(LearnerLookup.find(WEB, done, PAGE_NAMES).name()).isEqualTo("web");
        assertThat(LearnerLookup.find(GONE, done, PAGE_NAMES).name()).isEqualTo("gone");
        assertThat(LearnerLookup.find(PUBLISHED, done, PAGE_NAMES).publishes(8080, 80)).isTrue();
    }

    @Test
    @DisplayName("never grades one of the suite's own containers")
    void skips_the_suites_containers() {
        List<InspectedContainer> suites = state("learner-done-recorded.json", "web",
                c -> section(c, "Config").put("Labels", Map.of(LabRun.SUITE_LABEL, "true")));

        assertThat(lesson(WEB, suites).seen()).startsWith("no container named web");
    }

    @Nested
    @DisplayName("web, by its name")
    class ByName {

        @Test
        @DisplayName("nothing done: says it is not made yet, with the page's command")
        void nothing_done() {
            LabFailure lesson = lesson(WEB, List.of());

            assertThat(lesson.expected()).isEqualTo("a running container named web from an nginx image (docker run -d --name web nginx)");
            assertThat(lesson.seen()).isEqualTo("no container named web; no containers at all");
            assertThat(lesson.why()).isEqualTo("you have not made it yet: docker run -d --name web nginx");
            assertThat(lesson.command()).isEqualTo("docker ps -a --filter name=^web$");
        }

        @Test
        @DisplayName("web stopped: says so with its exit code, docker logs and docker start")
        void web_stopped() {
            LabFailure lesson = lesson(WEB, state("learner-web-stopped-recorded.json"));

            assertThat(lesson.why()).isEqualTo("web exists but is not running (exited (exit code 0)): see why with docker logs "
                    + "web, and start it again with docker start web");
        }

        @Test
        @DisplayName("web paused: says docker unpause")
        void web_paused() {
            LabFailure lesson = lesson(WEB, state("learner-done-recorded.json", "web", c -> {
                section(c, "State").put("Status", "paused");
                section(c, "State").put("Paused", true);
            }));

            assertThat(lesson.why()).endsWith("docker unpause web");
        }

        @Test
        @DisplayName("web from another image: names the image")
        void web_from_another_image() {
            LabFailure lesson = lesson(WEB, state("learner-done-recorded.json", "web",
                    c -> section(c, "Config").put("Image", "httpd:2.4")));

            assertThat(lesson.why()).startsWith("web runs the image httpd:2.4, not nginx: remove it");
        }

        @Test
        @DisplayName("no web, but an nginx under another name: offers to name it")
        void nginx_under_another_name() {
            List<InspectedContainer> renamed = state("learner-done-recorded.json", "web", c -> c.put("Name", "/my-nginx"));

            assertThat(lesson(WEB, renamed).why()).startsWith("no container of that name, but ")
                    .contains("my-nginx").contains("docker rename ");
        }

        @Test
        @DisplayName("no web: never offers to rename the nginx that publishes 8080, which is Q3's answer")
        void no_web_never_renames_the_published_one() {
            List<InspectedContainer> noWeb = state("learner-done-recorded.json").stream()
                    .filter(c -> !c.name().equals("web")).toList();
            String published = noWeb.stream().filter(c -> c.publishes(8080, 80)).findFirst().orElseThrow().name();

            assertThat(lesson(WEB, noWeb).why()).doesNotContain(published);
        }

        @Test
        @DisplayName("no gone: never offers to rename the page's stayup")
        void no_gone_never_renames_stayup() {
            assertThat(lesson(GONE, state("learner-no-gone-recorded.json")).why())
                    .isEqualTo("you have not made it yet: docker run --name gone alpine");
        }

        @Test
        @DisplayName("gone need not run: an exited gone is found")
        void gone_need_not_run() {
            assertThat(LearnerLookup.find(GONE, state("learner-done-recorded.json"), PAGE_NAMES).running()).isFalse();
        }
    }

    @Nested
    @DisplayName("the container on 8080, by its port")
    class ByPort {

        @Test
        @DisplayName("published as 8081:80: names the container and the port it used")
        void published_on_another_host_port() {
            LabFailure lesson = lesson(PUBLISHED, state("learner-port-8081-recorded.json"));

            assertThat(lesson.why()).endsWith("publishes its port 80 on host port 8081, not 8080: docker run -d -p 8080:80 nginx");
            assertThat(lesson.seen()).contains("0.0.0.0:8081->80/tcp");
        }

        @Test
        @DisplayName("published as 8080:81: says 8080 goes to a port where nginx does not listen")
        void published_to_another_container_port() {
            List<InspectedContainer> wrongPort = state("learner-done-recorded.json", "web", c -> { });
            String publisher = wrongPort.stream().filter(x -> !x.published().isEmpty()).findFirst().orElseThrow().name();
            List<InspectedContainer> edited = state("learner-done-recorded.json", publisher, c -> {
                section(section(c, "NetworkSettings"), "Ports").clear();
                section(section(c, "NetworkSettings"), "Ports").put("81/tcp", List.of(Map.of("HostIp", "0.0.0.0", "HostPort", "8080")));
            });

            assertThat(lesson(PUBLISHED, edited).why()).isEqualTo(publisher + " publishes host port 8080 to its port 81, not 80 "
                    + "(where nginx listens): docker run -d -p 8080:80 nginx");
        }

        @Test
        @DisplayName("nothing published at all: says so")
        void nothing_published() {
            LabFailure lesson = lesson(PUBLISHED, state("learner-web-stopped-recorded.json").stream()
                    .filter(c -> c.ports().isEmpty()).toList());

            assertThat(lesson.why()).isEqualTo("nothing publishes host port 8080: docker run -d -p 8080:80 nginx");
            assertThat(lesson.seen()).startsWith("no container publishes a port; there are: ");
        }

        @Test
        @DisplayName("the publisher stopped: says it is not running")
        void publisher_stopped() {
            List<InspectedContainer> all = state("learner-done-recorded.json");
            String publisher = all.stream().filter(x -> !x.published().isEmpty()).findFirst().orElseThrow().name();
            List<InspectedContainer> stopped = state("learner-done-recorded.json", publisher, c -> {
                section(c, "State").put("Status", "exited");
                section(c, "State").put("Running", false);
                section(section(c, "NetworkSettings"), "Ports").clear();
            });

            assertThat(lesson(PUBLISHED, stopped).why()).startsWith(publisher + " publishes host port 8080 but is not running");
        }
    }

    @Nested
    @DisplayName("web, by a lab that only looks at it (Q2, Q4): needs Q1's web")
    class NeededByAnotherLab {

        private static final Wanted Q1_WEB = Wanted.named("h26-webp", LabImage.NGINX, true,
                "docker run -d --name h26-webp nginx").madeIn("Q1");

        @Test
        @DisplayName("paused (recorded): Q1 says docker unpause; Q2 says it needs Q1's web, which is paused")
        void web_paused() {
            List<InspectedContainer> all = state("learner-variants-recorded.json");
            LabFailure q1 = lesson(Q1_WEB, all);
            LabFailure q2 = LearnerLookup.needed("Q2", Q1_WEB, all);

            assertThat(q1.why()).endsWith("docker unpause h26-webp");
            assertThat(q2.expected()).isEqualTo("Q1's h26-webp running (docker run -d --name h26-webp nginx), which Q2 looks at");
            assertThat(q2.seen()).startsWith("h26-webp (docker-labs-standin/nginx:debian) paused, PID ");
            assertThat(q2.why()).startsWith("Q2 needs Q1's h26-webp, which is paused, PID ").endsWith(": fix Q1 first (its "
                    + "lesson says how), and Q2 is graded on it").doesNotContain("unpause");
        }

        @Test
        @DisplayName("missing: Q1 gives the command that starts it; Q4 says it needs Q1's web, which does not exist")
        void web_missing() {
            Wanted web = WEB.madeIn("Q1");
            LabFailure q1 = lesson(web, List.of());
            LabFailure q4 = LearnerLookup.needed("Q4", web, List.of());

            assertThat(q1.why()).isEqualTo("you have not made it yet: docker run -d --name web nginx");
            assertThat(q4.seen()).isEqualTo("no container named web");
            assertThat(q4.why()).isEqualTo("Q4 needs Q1's web, which does not exist: fix Q1 first (its lesson says how), "
                    + "and Q4 is graded on it");
        }

        @Test
        @DisplayName("from another image: says which image it runs")
        void web_from_another_image() {
            LabFailure q2 = LearnerLookup.needed("Q2", WEB.madeIn("Q1"), state("learner-done-recorded.json", "web",
                    c -> section(c, "Config").put("Image", "httpd:2.4")));

            assertThat(q2.why()).startsWith("Q2 needs Q1's web, which runs httpd:2.4, not nginx");
        }

        @Test
        @DisplayName("only another lab's container is needed: Q1's own web is its own lesson")
        void own_lab() {
            assertThat(WEB.madeIn("Q1").madeByAnother("Q1")).isFalse();
            assertThat(WEB.madeIn("Q1").madeByAnother("Q2")).isTrue();
            assertThat(WEB.madeByAnother("Q2")).isFalse();
        }
    }
}
