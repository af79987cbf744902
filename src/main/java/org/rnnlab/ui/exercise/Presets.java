package org.rnnlab.ui.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/** Configs of the guided steps, written as link keys: the same text a user could share. */
final class Presets {
    private Presets() {}

    /** The exercise's defaults with {@code overrides} (e.g. {@code "g=0.5&seed=2"}) on top. */
    static ExperimentConfig of(int exercise, String overrides) {
        Map<String, String> merged = new LinkedHashMap<>(ExperimentConfig.defaults(exercise).values());
        for (String kv : overrides.split("&")) {
            if (kv.isEmpty()) continue;
            String[] p = kv.split("=", 2);
            merged.put(p[0], p[1]);
        }
        LinkCodec.Parsed parsed = LinkCodec.parse(LinkCodec.format(merged), Limits.DEFAULT);
        if (!parsed.isValid()) throw new IllegalArgumentException("bad preset " + overrides + ": " + parsed.errors());
        return parsed.config();
    }
}
