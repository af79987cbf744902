#!/usr/bin/env python3
"""Runs the seed notebook's own code (exercises 1 and 3, N = 1000) beside RNN Lab's `bench` and compares.

    python3 tools/bench_vs_seed.py [--jar target/rnnlab.jar] [--threads 1]

Speed: wall time of the seed's code as written (odeint for exercise 1, scipy `ode` + RLS loop for
exercise 3) and of numpy's `J @ r`. Accuracy (exercise 1): both solvers are compared on the *same*
network (J, x0 exported by RNN Lab's headless runner) against a reference solution computed with
scipy's DOP853 at rtol = atol = 1e-12. Prints one table; nothing is written.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--jar", default="target/rnnlab.jar")
ap.add_argument("--threads", default="1", help="BLAS threads for numpy, or 'default' to leave numpy's own choice")
ap.add_argument("--repeats", type=int, default=3)
args = ap.parse_args()
if args.threads != "default":
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = args.threads

import numpy as np  # noqa: E402  (after the thread settings)
from numpy import cos, dot, eye, outer, pi, sqrt, tanh  # noqa: E402
from scipy.integrate import ode, odeint, solve_ivp  # noqa: E402

N = 1000
JAVA = ["java", "--add-modules", "jdk.incubator.vector", "-jar", args.jar]


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


with tempfile.TemporaryDirectory() as tmp:
    # One network for everybody: RNN Lab's n = 1000, seed = 1.
    outs = {}
    for g in (0.5, 1.0, 1.5):
        outs[g] = os.path.join(tmp, f"g{g}")
        java_run(f"v=1&exercise=1&n={N}&g={g}&seed=1&tmax=50&points=500", outs[g])
    J = np.load(os.path.join(outs[1.5], "J.npy"))
    x0 = np.load(os.path.join(outs[1.5], "x0.npy"))
    u = np.load(os.path.join(outs[1.5], "u.npy"))
    t = np.linspace(0, 50, 500)

    r = tanh(x0)
    kernel = median_time(lambda: [J @ r for _ in range(2000)], 5) / 2000

    # Exercise 1 exactly as the seed: odeint(f1, x0, t) for g = 0.5, 1.0, 1.5.
    def ex1():
        xs = {}
        for g in (0.5, 1.0, 1.5):
            xs[g] = odeint(lambda x, t0: -x + g * dot(J, tanh(x)), x0, t)
        return xs

    ex1_time = median_time(ex1, args.repeats)
    odeint_x = ex1()

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

    # Reference solutions, far tighter than either solver.
    errors = {"odeint": 0.0, "rnnlab": 0.0}
    for g in (0.5, 1.0, 1.5):
        ref = solve_ivp(lambda t0, x: -x + g * (J @ tanh(x)), (0, 50), x0, method="DOP853",
                        t_eval=t, rtol=1e-12, atol=1e-12).y.T
        ours = np.load(os.path.join(outs[g], "x.npy"))
        errors["odeint"] = max(errors["odeint"], np.abs(odeint_x[g] - ref).max())
        errors["rnnlab"] = max(errors["rnnlab"], np.abs(ours - ref).max())

bench = subprocess.run(JAVA + ["bench", str(args.repeats)], capture_output=True, text=True, check=True).stdout
print(bench.strip())


def java_seconds(prefix):
    line = [l for l in bench.splitlines() if l.startswith(prefix)][0]
    return float(line.split("median ")[1].split(" ")[0])


def java_us(prefix):
    line = [l for l in bench.splitlines() if l.startswith(prefix)][0]
    return float(line.split(": ")[1].split(" us")[0]) * 1e-6


k_java = java_us("kernel J r (float J")
e1_java = java_seconds("exercise 1, three runs (")
e1_par = java_seconds("exercise 1, the same three runs at once")
e3_java = java_seconds("exercise 3, notebook")
print()
print(f"seed's code, numpy with {args.threads} BLAS thread(s), on this machine:")
print(f"  kernel J @ r:                 {kernel * 1e6:8.1f} us   RNN Lab {k_java * 1e6:8.1f} us   ratio {kernel / k_java:5.2f}x")
print(f"  exercise 1, three odeint runs: {ex1_time:8.3f} s    RNN Lab {e1_java:8.3f} s    ratio {ex1_time / e1_java:5.1f}x")
print(f"  exercise 1, RNN Lab's three runs at once on the pool: {e1_par:8.3f} s    ratio {ex1_time / e1_par:5.1f}x")
print(f"  exercise 3, notebook loop:     {ex3_time:8.3f} s    RNN Lab {e3_java:8.3f} s    ratio {ex3_time / e3_java:5.1f}x")
print(f"  exercise 1 max |x - reference| over 500 points x 1000 neurons x 3 g:"
      f" odeint {errors['odeint']:.2e}, RNN Lab {errors['rnnlab']:.2e}")
sys.exit(0)
