/**
 * The shared simulation core: seeded random networks, their rate dynamics
 * {@code dx/dt = -x + g J tanh(x) + A cos(omega t) u + z u}, integrators, FORCE learning by recursive
 * least squares, and the step-by-step {@link org.rnnlab.core.Simulation} that streams samples to a sink.
 * Trajectories that share a network can advance as one batch ({@link org.rnnlab.core.BatchRun}: one product
 * {@code J R} per evaluation for all of them), which also carries the twins that measure the largest Lyapunov
 * exponent ({@link org.rnnlab.core.LyapunovEstimate}, against {@link org.rnnlab.core.MeanFieldLyapunov}).
 *
 * <p>Plain Java, EJML and a BLAS; no Spring, no Vaadin (an ArchUnit test keeps it so). Inputs are
 * assumed valid: configurations are validated at the edge, in {@code experiment}.
 */
@NullMarked
package org.rnnlab.core;

import org.jspecify.annotations.NullMarked;
