package org.rnnlab.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.ForceErrors;
import org.rnnlab.experiment.LyapunovMeasurement;

/**
 * {@code summary.json}: what a run measured, beside its config. For exercises 1 and 2 the largest Lyapunov
 * exponent (per unit time) with its standard error, the times it averages over and the twin's log distance at
 * each renormalisation ({@code lyapunov.times}, {@code lyapunov.logDistance}: one value per unit of time, so a
 * plot of the one against the other has the exponent as its slope); for exercise 3 the training and test errors.
 * Numbers that are not defined (an exponent of a run shorter than its transient) are {@code null}.
 *
 * @param runSeconds      compute time of the run that wrote the files
 * @param lyapunovSeconds compute time of the twin batch (0 for exercise 3)
 */
public record Summary(ExperimentConfig config, double runSeconds, @Nullable LyapunovEstimate lyapunov, double lyapunovSeconds,
        @Nullable ForceErrors force) {

    /** The JSON tree, keys in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("link", config.toLink());
        json.put("config", config.values());
        json.put("initialStateSeed", config.initialStateSeed());
        json.put("computeSeconds", runSeconds);
        if (lyapunov != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("estimate", number(lyapunov.exponent()));
            l.put("stderr", number(lyapunov.standardError()));
            l.put("from", LyapunovMeasurement.from(lyapunov));
            l.put("to", LyapunovMeasurement.to(lyapunov));
            l.put("unit", "per unit time");
            l.put("eps", lyapunov.separation());
            l.put("interval", lyapunov.interval());
            l.put("method", LyapunovMeasurement.method()
                    + "; a computation of its own beside the run in x.npy (which used the config's solver)");
            l.put("computeSeconds", lyapunovSeconds);
            l.put("times", lyapunov.times());
            l.put("logDistance", lyapunov.logDistance());
            json.put("lyapunov", l);
        }
        if (force != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            ForceRun.ErrorStats train = force.train();
            ForceRun.ErrorStats test = force.test();
            f.put("trainMae", number(train.mae()));
            f.put("testMae", number(test.mae()));
            f.put("testRmse", number(test.rmse()));
            f.put("trainSamples", train.count());
            f.put("testSamples", test.count());
            json.put("force", f);
        }
        return json;
    }

    /** Writes {@link #toJson()} to {@code out}, indented, leaving {@code out} open. */
    public void write(OutputStream out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, toJson());
    }

    /** JSON has no NaN: an undefined number is null. */
    private static @Nullable Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
