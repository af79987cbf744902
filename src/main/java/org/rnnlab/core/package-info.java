/**
 * The shared simulation core: seeded random networks, their rate dynamics
 * {@code dx/dt = -x + g J tanh(x) + A cos(omega t) u + z u}, integrators, FORCE learning by recursive
 * least squares, and the step-by-step {@link org.rnnlab.core.Simulation} that streams samples to a sink.
 *
 * <p>Plain Java, EJML and a BLAS; no Spring, no Vaadin (an ArchUnit test keeps it so). Inputs are
 * assumed valid: configurations are validated at the edge, in {@code experiment}.
 */
@NullMarked
package org.rnnlab.core;

import org.jspecify.annotations.NullMarked;
