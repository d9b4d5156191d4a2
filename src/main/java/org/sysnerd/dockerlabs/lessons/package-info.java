/**
 * Where a lab's lesson is written: AssertJ-style assertions, one class per family of facts (a container's process and
 * net namespace, its exit, the DNAT rules, the overlay mount, the bridge and its links, the cgroup limits). Each owns
 * its expected text, its reason chosen from what was seen, and the command that shows the fact; the labs call them
 * through {@link org.sysnerd.dockerlabs.lessons.LabAssertions} and decide nothing themselves.
 */
package org.sysnerd.dockerlabs.lessons;
