package org.rnnlab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Network;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;

/**
 * The files of one finished run: {@code config.json}, {@code traces.csv} and the NumPy arrays
 * {@code J, x0, u, x} (and {@code w0, w} for FORCE). The same set goes to a folder (headless runner) or
 * into a ZIP (download), through {@link Entries}.
 */
public final class RunFiles {
    private RunFiles() {}

    /** Where the files go: a folder, a ZIP, ... */
    public interface Entries {
        /** A stream for the named file; closing it ends the file. */
        OutputStream open(String name) throws IOException;

        static Entries folder(Path dir) throws IOException {
            Files.createDirectories(dir);
            return name -> new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
        }
    }

    /**
     * @param readout the trained readout {@code w} of a FORCE run, else null
     * @param results figures to keep beside the config (compute time, test error, ...)
     */
    public static void write(Entries out, ExperimentConfig config, Network network, TraceLog traces,
            double @Nullable [] readout, Map<String, Object> results) throws IOException {
        writeConfig(out, config, traces, results);
        writeTraces(out, config, traces);
        int n = network.n();
        try (OutputStream s = out.open("J.npy")) {
            NpyWriter.write(s, network.couplingMatrix().getData(), n, n);
        }
        try (OutputStream s = out.open("x0.npy")) {
            NpyWriter.write(s, network.initialState());
        }
        try (OutputStream s = out.open("u.npy")) {
            NpyWriter.write(s, network.inputWeights());
        }
        if (traces.hasStates()) {
            try (OutputStream s = out.open("x.npy")) {
                NpyWriter.write(s, traces.states(), traces.count(), traces.stateSize());
            }
        }
        try (OutputStream s = out.open("t.npy")) {
            NpyWriter.write(s, traces.all().times());
        }
        if (config.isForce()) {
            try (OutputStream s = out.open("w0.npy")) {
                NpyWriter.write(s, network.initialReadout());
            }
            if (readout != null) {
                try (OutputStream s = out.open("w.npy")) {
                    NpyWriter.write(s, readout);
                }
            }
        }
    }

    /** README.txt of a download: what each file is and how to load it in Python, MATLAB or Excel. */
    public static String readme(ExperimentConfig config) {
        String force = config.isForce()
                ? "w0.npy, w.npy  initial and trained readout weights (n)\n"
                : "";
        return """
                RNN Lab run: exercise %d, n = %d, seed = %d
                link.txt       the link that reproduces this run exactly (open it in RNN Lab, or: java -jar rnnlab.jar run '<link>' --out DIR)
                config.json    every parameter, the plotted neurons, compute time%s
                traces.csv     t, x[i] of the plotted neurons%s (open in Excel or any spreadsheet)
                t.npy          output times (T)
                x.npy          full state at every output time (T x n)
                J.npy          couplings (n x n), row i holds the weights onto neuron i
                x0.npy, u.npy  initial state and input weights (n)
                %s
                Python:  import numpy as np; x = np.load("x.npy"); J = np.load("J.npy")
                MATLAB:  the .npy files load with readNPY (npy-matlab); or T = readtable("traces.csv")
                All arrays: NumPy format 1.0, little-endian float64, C (row-major) order.
                """.formatted(config.exercise(), config.n(), config.seed(), config.isForce() ? ", test error" : "",
                config.isForce() ? ", then z (output), f (target), dw (sum |dw|)" : "", force);
    }

    private static void writeConfig(Entries out, ExperimentConfig config, TraceLog traces, Map<String, Object> results)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("link", config.toLink());
        json.put("config", config.values());
        json.put("plotted_neurons", traces.neurons());
        json.put("samples", traces.count());
        json.put("results", results);
        try (OutputStream s = out.open("config.json")) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(s, json);
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
