package org.sysnerd.dockerlabs;

public final class Trace {
    private static final long T0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final boolean ON = System.getenv("LABS_TRACE") != null;
    public static void t(String what) {
        if (ON) System.err.printf("[trace %5d cpu %5d %s] %s%n", System.currentTimeMillis() - T0, ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1000000, Thread.currentThread().getName(), what);
    }

    public static void summary() {
        if (!ON) return;
        var mx = java.lang.management.ManagementFactory.class;
        long gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
        long gcn = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionCount()).sum();
        System.err.printf("[trace] compile %d ms, gc %d ms (%d), classes %d loaded%n",
            java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc, gcn,
            java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        var t = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (long id : t.getAllThreadIds()) { var i = t.getThreadInfo(id); long c = t.getThreadCpuTime(id); if (i != null && c > 20_000_000) rows.add(String.format("%6d %s", c / 1000000, i.getThreadName())); }
        rows.sort(java.util.Comparator.reverseOrder());
        rows.forEach(r -> System.err.println("[trace] cpu " + r));
    }
}
