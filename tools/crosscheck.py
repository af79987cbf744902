#!/usr/bin/env python3
"""Independent cross-check of RNN Lab's core with numpy/scipy, and the fixtures `mvn verify` compares against.

    python3 tools/crosscheck.py [--jar target/rnnlab.jar]

For each small case (n = 50..100) it runs RNN Lab's headless runner, loads the exported network
(J.npy, x0.npy, u.npy, w0.npy), recomputes the run here with code written from the seed notebook
(scipy's odeint at rtol = atol = 1e-11 for exercises 1 and 2; the seed's FORCE loop in numpy with the
exact step for exercise 3), prints how far RNN Lab's own x.npy / traces are from it, and writes what
Python computed to src/test/resources/crosscheck/<case>.json. CrossCheckTest then recomputes each
case in Java and compares, so the check runs in every build without Python.
"""
import argparse
import csv
import json
import os
import subprocess
import tempfile

import numpy as np
from scipy.integrate import odeint

CASES = {
    "ex1-g0.5": "v=1&exercise=1&n=80&g=0.5&seed=11&tmax=50&points=500",
    "ex1-g1.0": "v=1&exercise=1&n=80&g=1&seed=11&tmax=50&points=500",
    "ex1-g1.5": "v=1&exercise=1&n=80&g=1.5&seed=11&tmax=30&points=301",
    "ex2-a2-w4": "v=1&exercise=2&n=60&g=1.5&seed=5&tmax=50&points=500&a=2&omega=4",
    "ex3-notebook": "v=1&exercise=3&n=100&g=1.5&seed=7&tmax=400&mode=notebook&alpha=1&train=200&target=cosine",
    "ex3-continuous": "v=1&exercise=3&n=50&g=1.5&seed=3&tmax=100&mode=continuous&alpha=1&train=60&target=square",
}
EVERY = 10  # keep every 10th output time of the free runs: enough to compare, small to commit


def targets(name, t):
    p = t / 50.0 - np.floor(t / 50.0)
    if name == "cosine":
        return np.cos(2 * np.pi * t / 50)
    if name == "four-sines":
        q = np.pi * t / 60
        return 1.3 / 1.5 * (np.sin(q) + np.sin(2 * q) / 2 + np.sin(3 * q) / 6 + np.sin(4 * q) / 3)
    if name == "triangle":
        return 4 * np.abs(p - 0.5) - 1
    return np.where((p < 0.25) | (p >= 0.75), 1.0, -1.0)


def free_run(cfg, J, x0, u, t):
    g, a, w = float(cfg["g"]), float(cfg.get("a", 0)), float(cfg.get("omega", 0))
    f = lambda x, t0: -x + g * J.dot(np.tanh(x)) + a * np.cos(w * t0) * u  # noqa: E731 (the seed's f2)
    return odeint(f, x0, t, rtol=1e-11, atol=1e-11)


def force_run(cfg, J, x0, u, w0):
    """The seed's exercise-3 loop; `ode` replaced by the exact step for the input it holds over dt."""
    g, alpha, train, tmax = float(cfg["g"]), float(cfg["alpha"]), float(cfg["train"]), float(cfg["tmax"])
    dt, every = (1.0, 1) if cfg["mode"] == "notebook" else (0.1, 2)
    sample_every = 1 if cfg["mode"] == "notebook" else 10
    steps = int(round(tmax / (dt * sample_every))) * sample_every
    n = len(x0)
    P, w, x, learning = np.eye(n) / alpha, w0.copy(), x0.copy(), True
    z_trace = []
    for k in range(steps + 1):
        t = k * dt
        r = np.tanh(x)
        z = w.dot(r)
        if learning and k % every == 0:
            q = P.dot(r)
            c = 1.0 / (1 + q.dot(r))
            P -= c * np.outer(q, q)
            w += c * (targets(cfg["target"], np.array(t)) - z) * q
            if t > train:
                learning = False
        if k % sample_every == 0:
            z_trace.append(z)
        if k == steps:
            break
        d = g * J.dot(r) + w.dot(r) * u
        x = d + (x - d) * np.exp(-dt)
    return np.array(z_trace), w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/rnnlab.jar")
    ap.add_argument("--fixtures", default="src/test/resources/crosscheck")
    args = ap.parse_args()
    os.makedirs(args.fixtures, exist_ok=True)
    java = ["java", "--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-jar", args.jar]
    for name, link in CASES.items():
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(java + ["run", link, "--out", out], check=True, capture_output=True)
            cfg = dict(kv.split("=") for kv in link.split("&"))
            J, x0, u = (np.load(os.path.join(out, f)) for f in ("J.npy", "x0.npy", "u.npy"))
            t = np.load(os.path.join(out, "t.npy"))
            ours = np.load(os.path.join(out, "x.npy"))
            fixture = {"link": link}
            if cfg["exercise"] in ("1", "2"):
                x = free_run(cfg, J, x0, u, t)
                diff = np.abs(ours - x).max()
                fixture.update(times=t[::EVERY].tolist(), x=x[::EVERY].tolist())
            else:
                z, w = force_run(cfg, J, x0, u, np.load(os.path.join(out, "w0.npy")))
                with open(os.path.join(out, "traces.csv")) as fh:
                    z_ours = np.array([float(row["z"]) for row in csv.DictReader(fh)])
                w_ours = np.load(os.path.join(out, "w.npy"))
                diff = max(np.abs(z_ours - z).max(), np.abs(w_ours - w).max())
                fixture.update(z=z.tolist(), w=w.tolist())
            print(f"{name:16s} max |RNN Lab - Python| = {diff:.2e}")
            with open(os.path.join(args.fixtures, name + ".json"), "w") as fh:
                json.dump(fixture, fh)


if __name__ == "__main__":
    main()
