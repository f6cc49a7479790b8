package io.taquilla.scanner.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (service, client threads, in-JVM Kafka) and by the embedded
 * PostgreSQL (postmaster, its live backends and the ones it already reaped), read from /proc.
 * On a shared machine throughput depends on what else runs; CPU per scan does much less.
 */
final class CpuMeter {

    record Sample(long jvmNanos, long postgresNanos) {
        Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
        }
    }

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux
    private final long postmaster;

    /** @param postgresPort the embedded server's port, to find its postmaster; -1 when not local */
    CpuMeter(int postgresPort) {
        this.postmaster = findPostmaster(postgresPort);
    }

    Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long postgres = 0;
        if (postmaster > 0) {
            long[] own = stat(postmaster);
            postgres = own[0] + own[1] + own[2] + own[3];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                postgres += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> {
                            long[] s = stat(Long.parseLong(p.getFileName().toString()));
                            return s[4] == postmaster ? s[0] + s[1] : 0;
                        }).sum();
            } catch (Exception ignored) {
                // Unreadable /proc: report what we have.
            }
        }
        return new Sample(jvm, postgres * NANOS_PER_TICK);
    }

    boolean measuresPostgres() {
        return postmaster > 0;
    }

    /** utime, stime, cutime, cstime, ppid; zeros if the process is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                    Long.parseLong(f[1])};
        } catch (Exception gone) {
            return new long[5];
        }
    }

    private static long findPostmaster(int port) {
        if (port <= 0) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            return cmd.contains("postgres") && cmd.contains(" -p " + port + " ");
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
