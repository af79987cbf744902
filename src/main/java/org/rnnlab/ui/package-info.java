/**
 * The Vaadin views: the layout, the home page, one guided page per exercise, the playground and the
 * instructors' page. Views read runs through {@code run}; they never step a simulation.
 */
@NullMarked
package org.rnnlab.ui;

import org.jspecify.annotations.NullMarked;
