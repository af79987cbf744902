package org.rnnlab.export;

import java.io.OutputStream;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How every JSON file we write looks: indented, keys in the order we put them, the target stream left open. */
public final class JsonFiles {
    /** Thread-safe (Jackson 3's mappers are immutable). */
    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // the zip entry's stream is closed by its owner's try-with-resources, once
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Jackson 3 sorts record properties by name; we keep the declared order a reader expects
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private JsonFiles() {}

    /** Writes {@code value} to {@code out}, indented, and leaves {@code out} open. */
    public static void write(OutputStream out, Object value) {
        WRITER.writeValue(out, value);
    }

    public static String text(Object value) {
        return WRITER.writeValueAsString(value);
    }
}
