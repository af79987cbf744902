package org.rnnlab.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.core.Drive;
import org.rnnlab.experiment.ExperimentConfig;

/**
 * {@code notebook.ipynb} of a run's files: run from the unzipped folder with numpy and matplotlib only, it loads
 * the files, redraws the page's charts, prints the run's summary numbers, and computes the run again from
 * {@code J.npy}, {@code x0.npy}, {@code u.npy} in plain numpy, in the seed notebook's style, so a student can go on
 * at home. Exercises 1 and 2 are integrated with classic RK4 (step 0.02; the app's adaptive solver agrees to
 * ~3e-8 over t <= 50); exercise 3 repeats the app's (and the notebook's) loop exactly.
 */
final class TakeHomeNotebook {
    private TakeHomeNotebook() {}

    static String of(ExperimentConfig config) {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(markdown("# RNN Lab run: exercise " + config.exercise() + "\n\n"
                + "Link: `" + config.toLink() + "`\n\n"
                + "Run this notebook in the folder where you unzipped the download (numpy and matplotlib are all it needs). "
                + "It loads the files, redraws the charts, prints the run's numbers and then computes the run again in plain "
                + "numpy, in the style of the original notebook (exercises by Larry Abbott, notebook by Alex Williams, "
                + "CC BY-SA 4.0)."));
        cells.add(code("""
                import json
                import numpy as np
                import matplotlib.pyplot as plt

                config = json.load(open("config.json"))
                cfg = config["config"]
                t = np.load("t.npy")
                x = np.load("x.npy")          # every state: len(t) x n
                J = np.load("J.npy")
                x0 = np.load("x0.npy")
                u = np.load("u.npy")
                traces = np.genfromtxt("traces.csv", delimiter=",", names=True)
                neurons = config["plotted_neurons"]
                print("exercise", cfg["exercise"], "n =", cfg["n"], "g =", cfg["g"], "samples:", len(t))
                """));
        if (config.isForce()) {
            cells.add(markdown("## The page's charts: target and output, then the size of each change of w"));
            cells.add(code("""
                    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
                    top.plot(t, traces["f"], "-r", lw=2, label="target f(t)")
                    top.plot(t, traces["z"], "-b", label="output z(t)")
                    top.axvspan(0, float(cfg["train"]), color="0.9")
                    top.legend()
                    bottom.semilogy(t, np.maximum(traces["dw"], 1e-300), "-k")
                    bottom.set_xlabel("time"); bottom.set_ylabel("sum |dw|")
                    plt.show()
                    results = config["results"]
                    print("test RMSE %.6g, test MAE %.6g (t > %s, learning off)" % (results["test_rmse"], results["test_mae"], cfg["train"]))
                    force = json.load(open("summary.json"))["force"]
                    print("training MAE %.6g (t <= %s, learning on)" % (force["trainMae"], cfg["train"]))
                    """));
            cells.add(markdown("## Compute it again: the FORCE loop of the notebook, with the exact step over dt"));
            cells.add(code("""
                    def target(t):
                        p = t / 50.0 - np.floor(t / 50.0)
                        name = cfg["target"]
                        if name == "cosine":
                            return np.cos(2 * np.pi * t / 50)
                        if name == "four-sines":
                            q = np.pi * t / 60
                            return 1.3 / 1.5 * (np.sin(q) + np.sin(2 * q) / 2 + np.sin(3 * q) / 6 + np.sin(4 * q) / 3)
                        if name == "triangle":
                            return 4 * np.abs(p - 0.5) - 1
                        return 1.0 if (p < 0.25 or p >= 0.75) else -1.0

                    g, alpha, train = float(cfg["g"]), float(cfg["alpha"]), float(cfg["train"])
                    dt, every, sample_every = (1.0, 1, 1) if cfg["mode"] == "notebook" else (0.1, 2, 10)
                    steps = (len(t) - 1) * sample_every
                    n = len(x0)
                    P, w, xs, learning = np.eye(n) / alpha, np.load("w0.npy").copy(), x0.copy(), True
                    z = []
                    for k in range(steps + 1):
                        tk = k * dt
                        r = np.tanh(xs)
                        zk = w.dot(r)
                        if learning and k % every == 0:      # recursive least squares, as in the notebook
                            q = P.dot(r)
                            c = 1.0 / (1 + q.dot(r))
                            P -= c * np.outer(q, q)
                            w += c * (target(tk) - zk) * q
                            if tk > train:                    # the notebook's "if t > 300: lr = 0"
                                learning = False
                        if k % sample_every == 0:
                            z.append(zk)
                        if k == steps:
                            break
                        d = g * J.dot(r) + w.dot(r) * u       # input held over the step: the exponential step is exact
                        xs = d + (xs - d) * np.exp(-dt)
                    z = np.array(z)
                    test = t > train
                    print("recomputed test RMSE: %.6g" % np.sqrt(np.mean((z[test] - traces["f"][test]) ** 2)))
                    print("max difference from the file's z: %.3g" % np.max(np.abs(z - traces["z"])))
                    print("max difference from the file's w: %.3g" % np.max(np.abs(w - np.load("w.npy"))))
                    """));
        } else {
            cells.add(markdown("## The page's chart: the plotted neurons"));
            cells.add(code("""
                    plt.figure(figsize=(10, 4))
                    plt.plot(t, x[:, neurons])
                    plt.xlabel("time"); plt.ylabel("x")
                    plt.show()
                    print("compute time on the server: %.3f s" % config["results"]["compute_seconds"])
                    lyapunov = json.load(open("summary.json"))["lyapunov"]
                    if lyapunov["estimate"] is not None and lyapunov["stderr"] is not None:   # null: too short a run to tell
                        print("largest Lyapunov exponent: %.6g +- %.2g per unit time (t = %g to %g; %s)"
                              % (lyapunov["estimate"], lyapunov["stderr"], lyapunov["from"], lyapunov["to"],
                                 "chaotic" if lyapunov["estimate"] - 2 * lyapunov["stderr"] > 0 else
                                 "not chaotic" if lyapunov["estimate"] + 2 * lyapunov["stderr"] < 0 else "too close to call"))
                    plt.figure(figsize=(10, 3))
                    plt.plot(lyapunov["times"], lyapunov["logDistance"], "-k")
                    plt.xlabel("time"); plt.ylabel("log distance to the twin")
                    plt.show()
                    """));
            // The seed's input u A cos(omega t), or each neuron its own phase: one line of f tells them apart.
            boolean randomPhases = config.phases() == Drive.Phases.RANDOM;
            cells.add(markdown("## Compute it again: dx/dt = -x + g J tanh(x) + "
                    + (randomPhases ? "A cos(omega t + theta)" : "A cos(omega t) u") + ", by RK4 with step 0.02"));
            cells.add(code("""
                    g = float(cfg["g"]); A = float(cfg.get("a", 0)); omega = float(cfg.get("omega", 0))
                    """ + (randomPhases ? "theta = np.load(\"theta.npy\")              # each neuron's phase (Rajan, Abbott & Sompolinsky 2010)\n" : "")
                    + """

                    def f(x, t):%s
                        return -x + g * J.dot(np.tanh(x)) + %s
                    """.formatted(randomPhases ? "" : "                              # the notebook's f1 / f2",
                            randomPhases ? "A * np.cos(omega * t + theta)" : "A * np.cos(omega * t) * u") + """

                    h = 0.02
                    xs, ts, again = x0.copy(), 0.0, [x0.copy()]
                    for t_next in t[1:]:
                        m = max(1, int(np.ceil((t_next - ts) / h - 1e-9)))
                        dt = (t_next - ts) / m
                        for _ in range(m):
                            k1 = f(xs, ts); k2 = f(xs + dt / 2 * k1, ts + dt / 2)
                            k3 = f(xs + dt / 2 * k2, ts + dt / 2); k4 = f(xs + dt * k3, ts + dt)
                            xs = xs + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
                            ts += dt
                        ts = t_next
                        again.append(xs.copy())
                    again = np.array(again)
                    print("max difference from the file's x: %.3g" % np.max(np.abs(again - x)))
                    """));
        }
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("cells", cells);
        // Ordered maps: Map.of iterates in an order that changes from one JVM to the next, and the same link must
        // give the same file bytes (SameBitsEverywhereTest).
        Map<String, Object> kernel = new java.util.LinkedHashMap<>();
        kernel.put("name", "python3");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("kernelspec", kernel);
        metadata.put("language_info", Map.of("name", "python"));
        notebook.put("metadata", metadata);
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        return JsonFiles.text(notebook);
    }

    private static Map<String, Object> markdown(String text) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "markdown");
        cell.put("id", "m" + Integer.toHexString(text.hashCode()));
        cell.put("metadata", Map.of());
        cell.put("source", lines(text));
        return cell;
    }

    private static Map<String, Object> code(String source) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "code");
        cell.put("id", "c" + Integer.toHexString(source.hashCode()));
        cell.put("metadata", Map.of());
        cell.put("execution_count", null);
        cell.put("outputs", List.of());
        cell.put("source", lines(source.stripTrailing()));
        return cell;
    }

    /** Notebook sources are lists of lines, each but the last ending in a newline. */
    private static List<String> lines(String text) {
        String[] parts = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) out.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
        return out;
    }
}
