package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("A lab's view of the host reads once what does not change while the lab runs; the run's own view reads afresh")
class HostFactsReadOnceTest {

    private static final String IP = "ip -j -d addr show";

    @Test
    @DisplayName("the interfaces (recorded): read once for all of a lab's facts, each lab its own read")
    void interfaces_once_per_lab() {
        FixtureHost host = FixtureHost.withCommands(Map.of(IP, Fixtures.text("ip/docker-host-recorded.json")));
        HostFacts run = new HostFacts(host);
        HostFacts lab = run.journaling(Journal.NONE);

        assertThat(lab.link("docker0").value()).isNotNull();
        assertThat(lab.links().value()).isNotEmpty();
        assertThat(host.ran).containsExactly(IP);
        run.journaling(Journal.NONE).links();
        assertThat(host.ran).containsExactly(IP, IP);
    }

    @Test
    @DisplayName("the run's own view (the preflight's) reads them each time it is asked")
    void the_runs_view_afresh() {
        FixtureHost host = FixtureHost.withCommands(Map.of(IP, Fixtures.text("ip/docker-host-recorded.json")));
        HostFacts run = new HostFacts(host);

        run.links();
        run.links();

        assertThat(host.ran).containsExactly(IP, IP);
    }

    @Test
    @DisplayName("a process's cgroups (recorded, v1 cgroupfs): read once for all of a lab's facts, then looked up")
    void cgroups_once_per_lab() {
        CountingFiles host = new CountingFiles(Map.of("/proc/4242/cgroup", "cgroup/v1-cgroupfs-host-view-recorded.txt"));
        HostFacts lab = new HostFacts(host).journaling(Journal.NONE);

        lab.cgroupsOf(4242);
        lab.cgroupsOf(4242);

        assertThat(host.reads).isEqualTo(1);
    }

    /** A fixture host that counts its file reads. */
    private static final class CountingFiles implements Host {
        private final FixtureHost files;
        int reads;

        CountingFiles(Map<String, String> fixtureByPath) {
            this.files = FixtureHost.withFiles(fixtureByPath);
        }

        @Override
        public String read(String path) {
            reads++;
            return files.read(path);
        }

        @Override
        public String readLink(String path) {
            return files.readLink(path);
        }

        @Override
        public String realPath(String path) {
            return files.realPath(path);
        }

        @Override
        public boolean exists(String path) {
            return files.exists(path);
        }

        @Override
        public String run(List<String> command) {
            return files.run(command);
        }

        @Override
        public String httpGet(String address, int port) {
            return files.httpGet(address, port);
        }

        @Override
        public boolean httpAnswers(String address, int port) {
            return files.httpAnswers(address, port);
        }

        @Override
        public String describe() {
            return files.describe();
        }

        @Override
        public Host journaling(Journal journal) {
            return this;
        }
    }
}
