package org.sysnerd.dockerlabs.subject;

import org.sysnerd.dockerlabs.docker.LabImage;

/**
 * The container a page's solution leaves, as the learner mode looks for it: by its name
 * ({@code docker run -d --name web nginx}), or, for a container with no name, by the port it publishes
 * ({@code docker run -d -p 8080:80 nginx}).
 *
 * @param name     the container's name, or null when it is found by its port
 * @param hostPort the host port it publishes, when found by its port
 * @param mustRun  true when every fact of the lab needs it running
 * @param solution the page's command that makes it
 * @param lab      the lab whose task makes it ({@code Q1} for {@code web}), which the other labs that look at it need
 */
public record Wanted(String name, LabImage image, int hostPort, int containerPort, boolean mustRun, String solution,
                     String lab) {

    /** A container by its name, from the lab's image. */
    public static Wanted named(String name, LabImage image, boolean mustRun, String solution) {
        return new Wanted(name, image, 0, 0, mustRun, solution, null);
    }

    /** A running container from the lab's image that publishes the host port to the container port. */
    public static Wanted publishing(int hostPort, int containerPort, LabImage image, String solution) {
        return new Wanted(null, image, hostPort, containerPort, true, solution, null);
    }

    /** The same, made by the task of this lab. */
    public Wanted madeIn(String lab) {
        return new Wanted(name, image, hostPort, containerPort, mustRun, solution, lab);
    }

    /** True when another lab's task makes it: this lab only looks at it. */
    public boolean madeByAnother(String lab) {
        return this.lab != null && !this.lab.equals(lab);
    }

    /** The image's name as the page says it: {@code nginx}. */
    public String imageName() {
        return image.name().toLowerCase();
    }

    /** What the learner mode looks for, in words. */
    public String describe() {
        return name != null
                ? (mustRun ? "a running container" : "a container") + " named " + name + " from an " + imageName() + " image"
                : "a running container from an " + imageName() + " image that publishes host port " + hostPort
                        + " to its port " + containerPort + "/tcp";
    }
}
