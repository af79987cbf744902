/**
 * A simulation instance's life: queued on the shared bounded pool, running, paused, finished, stopped or
 * failed; its samples kept as frames that views read in batches; the cache of immutable networks shared by
 * all sessions. Views never step a simulation; the core never knows who watches.
 */
@NullMarked
package org.rnnlab.run;

import org.jspecify.annotations.NullMarked;
