package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same link gives the same bits on any machine: the files of short runs of all three exercises (with the
 * Lyapunov twin of exercises 1 and 2 and FORCE's RLS) and of a sweep (batched runs), computed in child JVMs that
 * differ in what could change a sum's order: the vector width ({@code -XX:MaxVectorSize=16}, i.e. a processor
 * with 128-bit vectors only, for which the kernels fall back to plain loops; 32, AVX2; 64 where the processor has
 * AVX-512), the compiler (interpreter only, C1 only) and the number of processors (the sweep's batches per worker).
 * Every file is compared byte for byte; only the compute times in the JSON files are left out.
 */
class SameBitsEverywhereTest {
    static final String EXERCISE_1 = "v=1&exercise=1&n=100&g=2&seed=1&tmax=40&points=41";
    static final String EXERCISE_2 = "v=1&exercise=2&n=100&g=1.5&a=2&omega=1&seed=2&tmax=40&points=41";
    static final String EXERCISE_3 = "v=1&exercise=3&n=100&seed=3&tmax=120&train=60&plot=3";
    /** Small enough for the interpreter, which computes the Vector API lane by lane in Java. */
    static final String TINY = "v=1&exercise=1&n=21&g=2&seed=4&tmax=6&points=7";

    @TempDir
    Path dir;

    @Test
    void everyExerciseGivesTheSameFilesWhateverTheVectorWidth() throws Exception {
        List<String> widths = new ArrayList<>(List.of("-XX:MaxVectorSize=16", "-XX:MaxVectorSize=32"));
        if (hasAvx512()) widths.add("-XX:MaxVectorSize=64");
        for (String link : List.of(EXERCISE_1, EXERCISE_2, EXERCISE_3)) {
            Map<String, String> reference = null;
            for (String width : widths) {
                Path out = dir.resolve(width.replaceAll("\\W", "") + link.hashCode());
                String printed = launch(List.of(width), "run", link, "--out", out.toString());
                // What the JVM used: plain loops below 256-bit vectors, the 256-bit kernels from there on.
                assertThat(printed).as(width).contains(width.endsWith("=16") ? "plain loops (preferred vector 128 bits)"
                        : "Vector API kernels, 256-bit (preferred vector " + (width.endsWith("=32") ? 256 : 512) + " bits)");
                Map<String, String> files = files(out);
                assertThat(files).as(link).containsKeys("x.npy", "summary.json");
                if (reference == null) reference = files;
                else assertSame(files, reference, link + " with " + width + " against " + widths.get(0));
            }
            if (!link.equals(EXERCISE_3)) assertThat(reference.get("summary.json")).as(link).contains("\"lyapunov\"");
        }
    }

    @Test
    void theInterpreterAndTheFirstCompilerGiveTheOptimizingCompilersBits() throws Exception {
        Map<String, String> reference = null;
        for (List<String> flags : List.of(List.<String>of(), List.of("-Xint"), List.of("-XX:TieredStopAtLevel=1"))) {
            Path out = dir.resolve("jit" + String.join("", flags).replaceAll("\\W", ""));
            launch(flags, "run", TINY, "--out", out.toString());
            Map<String, String> files = files(out);
            if (reference == null) reference = files;
            else assertSame(files, reference, "with " + flags);
        }
    }

    @Test
    void aSweepGivesTheSameRowsOnOneProcessorAsOnTwoAndAtAnyVectorWidth() throws Exception {
        Map<String, String> reference = null;
        for (List<String> flags : List.of(List.of("-XX:ActiveProcessorCount=2"), List.of("-XX:ActiveProcessorCount=1"),
                List.of("-XX:ActiveProcessorCount=2", "-XX:MaxVectorSize=16"))) {
            Path out = dir.resolve("sweep" + String.join("", flags).replaceAll("\\W", ""));
            launch(flags, "sweep", "v=1&exercise=2&n=80&a=1&omega=2&tmax=30", "--vary", "g=1:2:3", "--seeds", "3",
                    "--out", out.toString());
            Map<String, String> files = files(out);
            assertThat(files).containsKey("sweep.csv");
            assertThat(files.get("sweep.csv").lines()).hasSize(1 + 9);
            if (reference == null) reference = files;
            else assertSame(files, reference, "with " + flags);
        }
    }

    /** The same files, each the same bytes; names the first byte that differs (the files are binary). */
    static void assertSame(Map<String, String> actual, Map<String, String> expected, String what) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            String a = actual.get(name);
            String e = expected.get(name);
            int at = 0;
            while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) at++;
            assertThat(at == a.length() && at == e.length()).as("%s: %s differs from byte %d of %d", what, name, at, e.length()).isTrue();
        }
    }

    /** Runs {@code org.rnnlab.Application} with the test's class path and Vector API flag plus {@code flags}; returns what it printed. */
    static String launch(List<String> flags, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-Xmx512m");
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.rnnlab.Application");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s printed:%n%s", command, printed).isZero();
        return printed;
    }

    /** Each file of a folder: other files byte for byte, JSON without its compute times. */
    static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                String name = p.getFileName().toString();
                files.put(name, name.endsWith(".json") ? withoutTimes(Files.readString(p))
                        : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static String withoutTimes(String json) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(json);
        strip(tree);
        return tree.toPrettyString();
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(object.propertyNames().stream()
                    .filter(name -> name.endsWith("Seconds") || name.endsWith("_seconds")).toList());
        }
        node.forEach(SameBitsEverywhereTest::strip);
    }

    static boolean hasAvx512() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.exists(cpuinfo) && Files.readString(cpuinfo).contains(" avx512f");
    }
}
