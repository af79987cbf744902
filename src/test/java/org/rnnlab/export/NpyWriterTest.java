package org.rnnlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyWriterTest {

    @Test
    void writesAVersionOneHeaderAlignedTo64BytesThenLittleEndianDoubles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, new double[] {1.5, -2, 3, 4, 5, 6}, 2, 3);
        byte[] b = out.toByteArray();
        assertThat(b[0] & 0xff).isEqualTo(0x93);
        assertThat(new String(b, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(b[6]).isEqualTo((byte) 1);
        assertThat(b[7]).isEqualTo((byte) 0);
        int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat((10 + headerLength) % 64).isZero();
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getDouble()).isEqualTo(1.5);
        assertThat(data.getDouble()).isEqualTo(-2.0);
        assertThat(b).hasSize(10 + headerLength + 48);
    }

    @Test
    void aVectorHasAOneTupleShape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, new double[5000]);
        String header = new String(out.toByteArray(), 10, 60, StandardCharsets.US_ASCII);
        assertThat(header).contains("'shape': (5000,)");
        assertThat(out.size()).isEqualTo(128 + 5000 * 8);
    }
}
