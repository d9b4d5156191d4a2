package org.sysnerd.dockerlabs.probe;

import java.util.List;
import java.util.Optional;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.facts.AppArmorLabel;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;

/** Why the helper was denied a read on the daemon's host: AppArmor's profile, a rootless engine, or another fence. */
final class Denials {

    /** A process's AppArmor label (kernels with AppArmor only; {@code attr/current} is any security module's). */
    private static final String APPARMOR_LABEL = "/proc/self/attr/apparmor/current";

    private Denials() {
    }

    /** A command of the helper that failed, told as a fact that could not be read, with why when it was denied. */
    static HostFactUnavailable unavailable(String what, Ran ran, HelperContainer helper, EngineInfo engine, Journal journal) {
        HelperContainer.Started current = helper.current();
        String seen = "`" + what + "` exited " + ran.exitCode() + " on the daemon's host (`" + ran.command()
                + "` in helper " + current.name() + "): " + ran.stderr().strip();
        if (!ran.stderr().contains("Permission denied")) {
            return new HostFactUnavailable(seen);
        }
        String why;
        try {
            why = deniedWhy(label(helper, current, journal), engine, current.name());
        } catch (HostFactUnavailable | IllegalArgumentException e) {
            why = "the kernel denied it, and the helper's AppArmor label could not be read to tell why: " + e.getMessage();
        }
        return new HostFactUnavailable(seen + "\nWhy: " + why);
    }

    /** The helper's AppArmor label, read only to explain a denial: empty where the kernel runs no AppArmor. */
    private static Optional<AppArmorLabel> label(HelperContainer helper, HelperContainer.Started current, Journal journal) {
        Ran read = helper.exec(current, List.of("cat", APPARMOR_LABEL));
        Optional<AppArmorLabel> label = AppArmorLabel.ofRead(read.exitCode(), read.stdout());
        journal.record("cat " + APPARMOR_LABEL + " (in the helper)", label.map(AppArmorLabel::toString).orElse(read.stderr().strip()));
        return label;
    }

    /**
     * Why the helper was denied a read on the daemon's host, from what was seen: its AppArmor label (a profile that
     * enforces lets it read the /proc entries of processes under the same profile only), else a rootless engine's user
     * namespace (the helper's root is the learner's user on the host), else another security module.
     */
    static String deniedWhy(Optional<AppArmorLabel> label, EngineInfo engine, String helper) {
        if (label.isPresent() && label.get().enforced()) {
            return "the helper runs under AppArmor's profile " + label.get() + ", which likely lets it read the /proc"
                    + " entries of processes under that profile only (the kernel then logs apparmor=\"DENIED\" operation=\"ptrace\")."
                    + (engine.appArmor() ? " The kit asked for apparmor=unconfined, and the engine did not apply it."
                            : " The kit asks for apparmor=unconfined where `docker info` lists AppArmor among its security"
                            + " options; this engine confines containers without saying so.")
                    + "\nSee it yourself: docker inspect -f '{{.AppArmorProfile}}' " + helper
                    + "; on the daemon's host: journalctl -k | grep 'apparmor=\"DENIED\"'";
        }
        String apparmor = label.isEmpty() ? "not under AppArmor (the kernel runs none)"
                : label.get().equals(AppArmorLabel.UNCONFINED) ? "unconfined by AppArmor"
                : "under AppArmor's " + label.get() + ", which enforces nothing";
        if (engine.rootless()) {
            return "the helper is " + apparmor + "; it runs in the rootless engine's user namespace, where its root is"
                    + " your own user on the host, and the host's kernel denies that user what only the host's root may read."
                    + "\nSee it yourself, on the daemon's host: docker inspect -f '{{.HostConfig.UsernsMode}}' " + helper
                    + "; cat /proc/self/uid_map inside it";
        }
        return "the helper is " + apparmor + ", so something else denies it: another security module (SELinux:"
                + " getenforce) or a user namespace the host's processes are not in."
                + "\nSee it yourself, on the daemon's host: docker inspect -f '{{.HostConfig.SecurityOpt}} {{.HostConfig.UsernsMode}}' " + helper;
    }
}
