package org.rnnlab.core;

/** Periodic targets {@code f(t)} for the FORCE readout. */
public enum Target {
    /** The seed's {@code cos(2 pi t / 50)}. */
    COSINE {
        @Override
        public double at(double t) {
            return StrictMath.cos(2 * Math.PI * t / PERIOD);
        }
    },
    /**
     * Sussillo and Abbott (2009), Fig. 2: four harmonics, as in their code:
     * {@code (1.3/1.5) (sin(pi t/60) + sin(2 pi t/60)/2 + sin(3 pi t/60)/6 + sin(4 pi t/60)/3)}, period 120.
     */
    FOUR_SINES {
        @Override
        public double at(double t) {
            double p = Math.PI * t / 60;
            return 1.3 / 1.5 * (StrictMath.sin(p) + StrictMath.sin(2 * p) / 2 + StrictMath.sin(3 * p) / 6 + StrictMath.sin(4 * p) / 3);
        }
    },
    /** A triangle wave between -1 and 1 with period 50, at 1 when {@code t = 0} like the cosine. */
    TRIANGLE {
        @Override
        public double at(double t) {
            double phase = phase(t);
            return 4 * Math.abs(phase - 0.5) - 1;
        }
    },
    /** A square wave between -1 and 1 with period 50, at 1 when {@code t = 0} like the cosine. */
    SQUARE {
        @Override
        public double at(double t) {
            double phase = phase(t);
            return phase < 0.25 || phase >= 0.75 ? 1 : -1;
        }
    };

    static final double PERIOD = 50;

    public abstract double at(double t);

    /** {@code t / PERIOD} modulo 1, in {@code [0, 1)}. */
    private static double phase(double t) {
        double p = t / PERIOD;
        return p - Math.floor(p);
    }

    /** The name used in links and files. */
    /** The target whose {@link #key()} is {@code key}. */
    public static Target ofKey(String key) {
        for (Target t : values()) if (t.key().equals(key)) return t;
        throw new IllegalArgumentException("unknown target " + key);
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
