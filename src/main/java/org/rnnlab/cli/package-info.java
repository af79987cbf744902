/**
 * The headless runner: {@code java -jar rnnlab.jar run '<link>' --out DIR} computes the same numbers as the
 * web app, without starting a web server, and {@code bench} measures the core's speed.
 */
@NullMarked
package org.rnnlab.cli;

import org.jspecify.annotations.NullMarked;
