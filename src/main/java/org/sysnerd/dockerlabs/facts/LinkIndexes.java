package org.sysnerd.dockerlabs.facts;

/** An interface's own index and its peer's ({@code /sys/class/net/<if>/ifindex} and {@code iflink}). */
public record LinkIndexes(int ifindex, int iflink) {

    /** Reads the output of {@code cat /sys/class/net/eth0/ifindex /sys/class/net/eth0/iflink}. */
    public static LinkIndexes parse(String output) {
        String[] numbers = output.strip().split("\\s+");
        if (numbers.length != 2 || !numbers[0].matches("\\d+") || !numbers[1].matches("\\d+")) {
            throw new IllegalArgumentException("expected two numbers (ifindex, iflink), got: '" + output.strip() + "'");
        }
        return new LinkIndexes(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]));
    }

    @Override
    public String toString() {
        return "ifindex " + ifindex + ", iflink " + iflink;
    }
}
