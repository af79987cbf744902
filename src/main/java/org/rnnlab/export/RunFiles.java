package org.rnnlab.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Drive;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.Sample;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.ForceErrors;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.experiment.RunToEnd;

/**
 * The files of one run: {@code x.npy} (every state), {@code traces.csv}, {@code config.json}, {@code summary.json}
 * ({@link Summary}), the NumPy arrays
 * {@code J, x0, u, t} (and {@code w0, w} for FORCE), {@code link.txt} and a {@code README.txt}. The run is
 * computed while the files are written: each state goes to {@code x.npy} as it is computed and {@code J} is
 * written a row at a time from the network's own storage, so the memory a download needs does not grow with
 * the number of samples or copy {@code J}. The same set goes to a folder (headless runner) or into a ZIP
 * (download), through {@link Entries}.
 */
public final class RunFiles {
    private RunFiles() {}

    /** Where the files go: a folder, a ZIP, ... One file is open at a time, in the order they are written. */
    public interface Entries {
        /** A stream for the named file; closing it ends the file. */
        OutputStream open(String name) throws IOException;

        static Entries folder(Path dir) throws IOException {
            Files.createDirectories(dir);
            return name -> new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
        }

        /** Entries of {@code zip}: closing an entry's stream closes the entry, not the ZIP. */
        static Entries zip(ZipOutputStream zip) {
            return name -> {
                zip.putNextEntry(new ZipEntry(name));
                return new FilterOutputStream(zip) {
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
        }
    }

    /**
     * Runs {@code config} on {@code network} (its {@code (n, seed)}) under {@code control} and writes all its files.
     *
     * @return how the run ended; when it was cancelled the files are incomplete
     */
    public static RunToEnd.Outcome write(Entries out, ExperimentConfig config, Network network, RunControl control)
            throws IOException, InterruptedException {
        return writeAll(out, config, network, control).outcome();
    }

    /**
     * What {@link #write} wrote: how the run ended and, when it finished, its summary.
     *
     * @param summary null when the run (or its Lyapunov twin) was cancelled
     */
    public record Written(RunToEnd.Outcome outcome, @Nullable Summary summary) {}

    /**
     * As {@link #write}, returning the summary too. For exercises 1 and 2 the Lyapunov exponent of
     * {@code summary.json} takes a second computation after the run ({@link LyapunovMeasurement}: the trajectory
     * and its twin in one batch), under the same {@code control}; a cancel there ends the files as a cancel of
     * the run does. For FORCE, the loop's eigenvalues before and after learning ({@link Summary.Loop}: two
     * {@code O(n^3)} decompositions: 7-8 s of processor time each at n = 1000 measured here, more than a notebook-mode
     * run itself).
     */
    public static Written writeAll(Entries out, ExperimentConfig config, Network network, RunControl control)
            throws IOException, InterruptedException {
        TraceLog traces = new TraceLog(config.plottedNeurons(), false);
        StateRows states = new StateRows(out);
        ForceErrors errors = config.isForce() ? new ForceErrors(config.train()) : null;
        RunToEnd.Outcome outcome;
        try {
            SampleSink sink = errors == null ? SampleSink.all(traces, states) : SampleSink.all(traces, states, errors);
            outcome = RunToEnd.run(config, network, sink, control);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!outcome.finished()) return new Written(outcome, null);
        states.close();
        LyapunovEstimate lyapunov = null;
        double lyapunovSeconds = 0;
        if (LyapunovMeasurement.applies(config)) {
            long start = System.nanoTime();
            List<LyapunovEstimate> estimates = LyapunovMeasurement.measure(List.of(config), network, control);
            lyapunovSeconds = (System.nanoTime() - start) / 1e9;
            if (estimates == null) return new Written(unfinished(outcome), null);
            lyapunov = estimates.get(0);
        }
        Summary.Loop loop = null;
        if (config.isForce() && outcome.readout() != null) {
            // Two decompositions that cannot pause: a cancel before them ends the files as a cancel of the run does.
            if (control.isCancelled()) return new Written(unfinished(outcome), null);
            loop = Summary.Loop.of(network, config.g(), outcome.readout());
        }
        Summary summary = new Summary(config, outcome.computeSeconds(), lyapunov, lyapunovSeconds, errors, loop);
        writeTraces(out, config, traces);
        writeConfig(out, config, traces, outcome);
        try (OutputStream s = out.open("summary.json")) {
            summary.write(s);
        }
        int n = network.n();
        try (OutputStream s = out.open("J.npy")) {
            NpyWriter.Rows rows = NpyWriter.matrix(s, n, n);
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                network.couplingRow(i, row);
                rows.write(row);
            }
            rows.finish();
        }
        write(out, "x0.npy", config.initialState(network));
        write(out, "u.npy", network.inputWeights());
        if (config.phases() == Drive.Phases.RANDOM) write(out, "theta.npy", Network.inputPhases(n, config.seed()));
        write(out, "t.npy", traces.all().times());
        if (config.isForce()) {
            write(out, "w0.npy", network.initialReadout());
            if (outcome.readout() != null) write(out, "w.npy", outcome.readout());
        }
        text(out, "link.txt", config.toLink() + "\n");
        text(out, "README.txt", readme(config));
        text(out, "notebook.ipynb", TakeHomeNotebook.of(config));
        return new Written(outcome, summary);
    }

    private static RunToEnd.Outcome unfinished(RunToEnd.Outcome outcome) {
        return new RunToEnd.Outcome(false, outcome.samples(), outcome.computeSeconds(), outcome.testError(), outcome.readout());
    }

    /**
     * The download: the run computed under {@code control}, its files in one ZIP at {@code file} (fast
     * compression: the arrays are doubles that barely compress, and the time is the user's).
     */
    public static RunToEnd.Outcome zip(Path file, ExperimentConfig config, Network network, RunControl control)
            throws IOException, InterruptedException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            return write(Entries.zip(zip), config, network, control);
        }
    }

    private static void write(Entries out, String name, double[] values) throws IOException {
        try (OutputStream s = out.open(name)) {
            NpyWriter.write(s, values);
        }
    }

    private static void text(Entries out, String name, String text) throws IOException {
        try (OutputStream s = out.open(name)) {
            s.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code x.npy}, opened at the run's start (when its sample count is known) and filled sample by sample. */
    private static final class StateRows implements SampleSink {
        private final Entries out;
        private OutputStream stream;
        private NpyWriter.Rows rows;

        StateRows(Entries out) {
            this.out = out;
        }

        @Override
        public void onStart(Simulation simulation) {
            try {
                stream = out.open("x.npy");
                rows = NpyWriter.matrix(stream, simulation.sampleCount(), simulation.state().length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onSample(Sample sample) {
            try {
                rows.write(sample.state());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            rows.finish();
            stream.close();
        }
    }

    /** README.txt: what each file is and how to load it in Python, MATLAB or Excel. */
    public static String readme(ExperimentConfig config) {
        String force = config.isForce()
                ? "w0.npy, w.npy  initial and trained readout weights (n)\n"
                : "";
        return """
                RNN Lab run: exercise %d, n = %d, seed = %d
                notebook.ipynb open in Jupyter here: loads these files, redraws the charts, computes the run again in numpy
                link.txt       the link that reproduces this run exactly (open it in RNN Lab, or: java -jar rnnlab.jar run '<link>' --out DIR)
                config.json    every parameter, the plotted neurons, compute time%s
                summary.json   the link, the parameters, compute time and what the run measured: %s
                traces.csv     t, x[i] of the plotted neurons%s (open in Excel or any spreadsheet)
                t.npy          output times (T)
                x.npy          full state at every output time (T x n)
                J.npy          couplings (n x n), row i holds the weights onto neuron i
                x0.npy, u.npy  initial state and input weights (n)%s
                %s
                Python:  import numpy as np; x = np.load("x.npy"); J = np.load("J.npy")
                MATLAB:  the .npy files load with readNPY (npy-matlab); or T = readtable("traces.csv")
                All arrays: NumPy format 1.0, little-endian float64, C (row-major) order.
                """.formatted(config.exercise(), config.n(), config.seed(), config.isForce() ? ", test error" : "",
                config.isForce() ? "training and test errors (force.trainMae, testMae, testRmse)"
                        : "the largest Lyapunov exponent (lyapunov.estimate per unit time, stderr; the twin's log distance)",
                config.isForce() ? ", then z (output), f (target), dw (sum |dw|)" : "",
                config.phases() == Drive.Phases.RANDOM ? "\ntheta.npy      the drive's phase of each neuron (n): input A cos(omega t + theta)" : "", force);
    }

    private static void writeConfig(Entries out, ExperimentConfig config, TraceLog traces, RunToEnd.Outcome outcome)
            throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("compute_seconds", outcome.computeSeconds());
        if (outcome.testError() != null) {
            results.put("test_rmse", outcome.testError().rmse());
            results.put("test_mae", outcome.testError().mae());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("link", config.toLink());
        json.put("config", config.values());
        json.put("plotted_neurons", traces.neurons());
        json.put("samples", traces.count());
        json.put("results", results);
        try (OutputStream s = out.open("config.json")) {
            JsonFiles.write(s, json);
        }
    }

    /** {@code t, x[i]...} for the plotted neurons, then {@code z, f, dw} for FORCE. Full precision. */
    private static void writeTraces(Entries out, ExperimentConfig config, TraceLog traces) throws IOException {
        int[] neurons = traces.neurons();
        TraceLog.Frames f = traces.all();
        try (Writer w = new OutputStreamWriter(out.open("traces.csv"), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("t");
            for (int i : neurons) line.append(",x[").append(i).append(']');
            if (config.isForce()) line.append(",z,f,dw");
            w.write(line.append('\n').toString());
            for (int k = 0; k < f.size(); k++) {
                line.setLength(0);
                line.append(f.times()[k]);
                for (double[] neuron : f.neurons()) line.append(',').append(neuron[k]);
                if (config.isForce()) {
                    line.append(',').append(f.output()[k]).append(',').append(f.target()[k]).append(',').append(f.weightChange()[k]);
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
