package org.rnnlab.experiment;

import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Sample;
import org.rnnlab.core.SampleSink;

/**
 * The error {@code z - f} of a FORCE run, split at the end of learning as {@link ForceRun#testError()} splits it:
 * samples with {@code t <= train} are the training phase, {@code t > train} the test phase.
 */
public final class ForceErrors implements SampleSink {
    private final double trainEnd;
    private final ForceRun.ErrorStats train = new ForceRun.ErrorStats();
    private final ForceRun.ErrorStats test = new ForceRun.ErrorStats();

    public ForceErrors(double trainEnd) {
        this.trainEnd = trainEnd;
    }

    @Override
    public void onSample(Sample sample) {
        double e = sample.output() - sample.target();
        if (Double.isNaN(e)) return;
        (sample.time() > trainEnd ? test : train).add(e);
    }

    public ForceRun.ErrorStats train() {
        return train;
    }

    public ForceRun.ErrorStats test() {
        return test;
    }
}
