package xingcun.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on: cores, memory, CPU, Java, and the load others put on the machine. */
final class Machine
{
    private Machine() {}

    static Map<String, Object> describe()
    {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_gib", Math.round(meminfo("MemTotal:") / (1024.0 * 1024.0 * 1024.0) * 10) / 10.0);
        machine.put("memory_available_gib_at_start", Math.round(meminfo("MemAvailable:") / (1024.0 * 1024.0 * 1024.0) * 10) / 10.0);
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("java_version", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        machine.put("load_average_at_start", List.of(loadAverage()[0], loadAverage()[1], loadAverage()[2]));
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages (/proc/loadavg); zeros where there is no /proc. */
    static double[] loadAverage()
    {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
        }
        catch (IOException | RuntimeException e) {
            return new double[3];
        }
    }

    private static long meminfo(String field)
    {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not Linux: the JVM's own view below
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String cpuModel()
    {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
