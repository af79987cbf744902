/**
 * Writes a run's numbers where anyone can check them: NumPy {@code .npy} arrays, CSV traces and the
 * config as JSON. The headless runner and the web app's downloads use the same writers.
 */
@NullMarked
package org.rnnlab.export;

import org.jspecify.annotations.NullMarked;
