package org.rnnlab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.Simulation;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;

/**
 * A finished run with every state kept, ready to be written out. Computed again from the config when asked:
 * a seed and a config fix every number, so the files hold exactly what the page showed.
 *
 * @param readout the trained readout of a FORCE run, else null
 * @param figures compute time and, for FORCE, the test error
 */
public record RunRecord(ExperimentConfig config, Network network, TraceLog traces, double @Nullable [] readout,
        Map<String, Object> figures) {

    /** Runs {@code config} on {@code network} (which must be its {@code (n, seed)}) to the end, on this thread. */
    public static RunRecord compute(ExperimentConfig config, Network network) {
        long start = System.nanoTime();
        Simulation simulation = config.newSimulation(network);
        TraceLog traces = new TraceLog(config.plottedNeurons(), true);
        try {
            simulation.runToEnd(traces, new RunControl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("compute_seconds", (System.nanoTime() - start) / 1e9);
        double[] readout = null;
        if (simulation instanceof ForceRun force) {
            readout = force.readout();
            figures.put("test_rmse", force.testError().rmse());
            figures.put("test_mae", force.testError().mae());
        }
        return new RunRecord(config, network, traces, readout, figures);
    }

    public double computeSeconds() {
        return (Double) figures.get("compute_seconds");
    }

    /** The run's files into {@code out}. */
    public void writeTo(RunFiles.Entries out) throws IOException {
        RunFiles.write(out, config, network, traces, readout, figures);
    }

    /**
     * The download: the run's files plus {@code link.txt} (the link that reproduces it) and a
     * {@code README.txt} on loading them, in one ZIP.
     */
    public void writeZip(OutputStream stream, String link) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(stream)) {
            RunFiles.Entries entries = name -> {
                zip.putNextEntry(new ZipEntry(name));
                return new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        zip.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        zip.closeEntry();
                    }
                };
            };
            writeTo(entries);
            try (OutputStream s = entries.open("link.txt")) {
                s.write((link + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            try (OutputStream s = entries.open("README.txt")) {
                s.write(RunFiles.readme(config).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
