#!/usr/bin/env python3
"""Runs the seed notebook's own code (all three exercises, N = 1000) beside RNN Lab's `bench` and compares.

    python3 tools/bench_vs_seed.py [--jar target/rnnlab.jar] [--threads default]

Speed: wall time of the seed's code as written (odeint for exercises 1 and 2, scipy `ode` + RLS loop for
exercise 3), with numpy's threads as a user has them (`default`: OpenBLAS's own choice, one per core), and
numpy's `J @ r` on one thread in float32 (OpenBLAS `sgemv`, the reference of issue 9) and float64 (the seed's
own product). `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` are removed from this process's environment before
numpy loads: this machine sets them and they slow a current numpy (docs/benchmarking.md). Accuracy (exercises 1 and 2):
both solvers on the *same* network (J, x0, u exported by RNN Lab's headless runner) against scipy's DOP853
at rtol = atol = 1e-12, max over 500 points x 1000 neurons x all runs. Prints one table; writes nothing.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--jar", default="target/rnnlab.jar")
ap.add_argument("--threads", default="default", help="BLAS threads for numpy, or 'default' to leave numpy's own choice")
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--launches", type=int, default=3,
                help="fresh JVMs to run RNN Lab's bench in: the JIT compiles differently from one launch to the next")
args = ap.parse_args()
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)
if args.threads != "default":
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = args.threads

import numpy as np  # noqa: E402  (after the thread settings)
from numpy import cos, dot, eye, outer, pi, sqrt, tanh  # noqa: E402
from scipy.integrate import ode, odeint, solve_ivp  # noqa: E402

N = 1000
JAVA = ["java", "--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-jar", args.jar]


def median_time(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def java_run(query, out):
    res = subprocess.run(JAVA + ["run", query, "--out", out], capture_output=True, text=True, check=True)
    line = [l for l in res.stdout.splitlines() if "compute" in l][0]
    return float(line.split(" in ")[1].split(" s")[0])


KERNEL_ONE_THREAD = """
import sys, time, numpy as np
J = np.load(sys.argv[1]).astype(np.float64)
r = np.tanh(np.load(sys.argv[2]))
for dtype in (np.float32, np.float64):
    A, x = J.astype(dtype), r.astype(dtype)
    best = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(2000):
            A @ x
        best.append((time.perf_counter() - start) / 2000)
    print(sorted(best)[2])
"""

GRID = [(omega, a) for omega in (1, 2, 4) for a in (0.5, 2, 5)]

with tempfile.TemporaryDirectory() as tmp:
    # One network for everybody: RNN Lab's n = 1000, seed = 1.
    outs = {}
    for g in (0.5, 1.0, 1.5):
        outs[g] = os.path.join(tmp, f"g{g}")
        java_run(f"v=1&exercise=1&n={N}&g={g}&seed=1&tmax=50&points=500", outs[g])
    for omega, a in GRID:
        outs[(omega, a)] = os.path.join(tmp, f"w{omega}a{a}")
        java_run(f"v=1&exercise=2&n={N}&g=1.5&omega={omega}&a={a}&seed=1&tmax=50&points=500", outs[(omega, a)])
    J = np.load(os.path.join(outs[1.5], "J.npy")).astype(np.float64)
    x0 = np.load(os.path.join(outs[1.5], "x0.npy"))
    u = np.load(os.path.join(outs[(1, 0.5)], "u.npy"))
    t = np.linspace(0, 50, 500)

    one_thread = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    k32, k64 = (float(v) for v in subprocess.run(
        [sys.executable, "-c", KERNEL_ONE_THREAD, os.path.join(outs[1.5], "J.npy"), os.path.join(outs[1.5], "x0.npy")],
        env=one_thread, capture_output=True, text=True, check=True).stdout.split())

    # Exercise 1 exactly as the seed: odeint(f1, x0, t) for g = 0.5, 1.0, 1.5.
    def ex1():
        xs = {}
        for g in (0.5, 1.0, 1.5):
            xs[g] = odeint(lambda x, t0: -x + g * dot(J, tanh(x)), x0, t)
        return xs

    # Exercise 2 exactly as the seed: g = 1.5, odeint(f2, x0, t) for each omega and A.
    def ex2():
        xs = {}
        g = 1.5
        for o, A in GRID:
            xs[(o, A)] = odeint(lambda x, t0: -x + g * dot(J, tanh(x)) + u * A * cos(o * t0), x0, t)
        return xs

    ex1_time = median_time(ex1, args.repeats)
    odeint_x = ex1()
    ex2_time = median_time(ex2, max(1, args.repeats // 2))
    odeint_x.update(ex2())
    # Exercise 3 exactly as the seed (target, solver, RLS loop), w0 from RNN Lab so the runs are comparable.
    w0 = np.random.uniform(-1 / sqrt(N), 1 / sqrt(N), N)

    def ex3():
        g = 1.5
        target = lambda t0: cos(2 * pi * t0 / 50)  # noqa: E731
        state = {"tanh_x": tanh(x0), "w": w0.copy()}

        def f3(t0, x):
            return -x + g * dot(J, state["tanh_x"]) + dot(state["w"], state["tanh_x"]) * u

        dt, tmax, P, lr = 1, 800, eye(N), 1.0
        x, z, ts, wu = [x0], [], [0], [0]
        solver = ode(f3)
        solver.set_initial_value(x0)
        w = state["w"]
        while ts[-1] < tmax:
            tanh_x = tanh(x[-1])
            state["tanh_x"] = tanh_x
            z.append(dot(w, tanh_x))
            error = target(ts[-1]) - z[-1]
            q = dot(P, tanh_x)
            c = lr / (1 + dot(q, tanh_x))
            P = P - c * outer(q, q)
            w = w + c * error * q
            state["w"] = w
            if ts[-1] > 300:
                lr = 0
            wu.append(np.sum(np.abs(c * error * q)))
            solver.integrate(solver.t + dt)
            x.append(solver.y)
            ts.append(solver.t)
        return z

    ex3_time = median_time(ex3, 1)

    # Reference solutions, far tighter than either solver: max |x - reference| per exercise and solver.
    errors = {}
    for key in [0.5, 1.0, 1.5] + GRID:
        g, drive = (key, (0, 0)) if not isinstance(key, tuple) else (1.5, key)
        o, A = drive
        ref = solve_ivp(lambda t0, x: -x + g * (J @ tanh(x)) + u * A * cos(o * t0), (0, 50), x0, method="DOP853",
                        t_eval=t, rtol=1e-12, atol=1e-12).y.T
        ours = np.load(os.path.join(outs[key], "x.npy"))
        exercise = 2 if isinstance(key, tuple) else 1
        for name, x in (("odeint", odeint_x[key]), ("rnnlab", ours)):
            errors[(exercise, name)] = max(errors.get((exercise, name), 0.0), np.abs(x - ref).max())

benches = []
for launch in range(args.launches):
    benches.append(subprocess.run(JAVA + ["bench", str(args.repeats)], capture_output=True, text=True, check=True).stdout)
    print(f"launch {launch + 1} of {args.launches}:")
    print(benches[-1].strip())


def over_launches(prefix, parse):
    """The section's value in each launch; reported as the median over launches and their range."""
    values = []
    for bench in benches:
        line = [l for l in bench.splitlines() if l.startswith(prefix)][0]
        values.append(parse(line))
    return sorted(values)


def java_seconds(prefix):
    return over_launches(prefix, lambda line: float(line.split("median ")[1].split(" ")[0]))


def java_us(prefix):
    return over_launches(prefix, lambda line: float(line.split(": ")[1].split(" us")[0]) * 1e-6)


def median(values):
    return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2


def cell(seed_seconds, values, unit_scale=1.0, unit="s", digits=3):
    """'our median | ratio (ratio's range over launches)'."""
    m = median(values)
    spread = f" ({seed_seconds / values[-1]:.2f}-{seed_seconds / values[0]:.2f})" if len(values) > 1 else ""
    return f"{m * unit_scale:.{digits}f} {unit} | {seed_seconds / m:.2f}x{spread}"


k_java = java_us("kernel J r (float J")
e1_java = java_seconds("exercise 1, three runs (")
e1_pool = java_seconds("exercise 1, the same three runs on")
e2_java = java_seconds("exercise 2, the 3x3 grid")
e2_pool = java_seconds("exercise 2, the same nine runs")
e3_java = java_seconds("exercise 3, notebook")
print()
print(f"seed's code with numpy's threads = {args.threads}; RNN Lab one thread / on the app's pool: median over "
      f"{args.launches} fresh JVMs, the ratio's range over them in brackets; this machine, one run of the seed:")
print(f"| work (n = 1000) | seed's code | RNN Lab | ratio | RNN Lab on the pool | ratio | max error, seed / RNN Lab |")
print(f"|---|---|---|---|---|---|---|")
print(f"| kernel J r vs numpy float32 sgemv, one thread | {k32 * 1e6:.1f} us | {cell(k32, k_java, 1e6, 'us', 1)} | | | |")
print(f"| kernel J r vs numpy float64 dgemv (the seed's), one thread | {k64 * 1e6:.1f} us | {cell(k64, k_java, 1e6, 'us', 1)} | | | |")
print(f"| exercise 1, three runs | {ex1_time:.3f} s | {cell(ex1_time, e1_java)} | {cell(ex1_time, e1_pool)}"
      f" | {errors[(1, 'odeint')]:.1e} / {errors[(1, 'rnnlab')]:.1e} |")
print(f"| exercise 2, the 3 x 3 grid | {ex2_time:.3f} s | {cell(ex2_time, e2_java)} | {cell(ex2_time, e2_pool)}"
      f" | {errors[(2, 'odeint')]:.1e} / {errors[(2, 'rnnlab')]:.1e} |")
print(f"| exercise 3, notebook loop | {ex3_time:.3f} s | {cell(ex3_time, e3_java)} | | | |")
sys.exit(0)
