/**
 * What a user configures: one immutable {@link org.rnnlab.experiment.ExperimentConfig} per run, its presets
 * from the seed, validation with messages that name the field, and the link codec (query string to config
 * and back). Everything that enters from outside (a link, a form, the command line) passes through here.
 */
@NullMarked
package org.rnnlab.experiment;

import org.jspecify.annotations.NullMarked;
