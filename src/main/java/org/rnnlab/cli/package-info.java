/**
 * The headless runner: {@code java -jar rnnlab.jar run '<link>' --out DIR} computes the same numbers as the
 * web app, without starting a web server; {@code sweep} runs a link over a grid of keys and seeds; and
 * {@code bench} measures the core's speed. Argument parsing lives here, the work in {@code experiment} and
 * {@code export}.
 */
@NullMarked
package org.rnnlab.cli;

import org.jspecify.annotations.NullMarked;
