package org.rnnlab.export;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NumPy's {@code .npy} format 1.0: little-endian float64 ({@code '<f8'}), C order. The header is padded with
 * spaces so that the data starts on a multiple of 64 bytes, as {@code numpy.save} does.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {}

    /** A 1-D array of shape {@code (values.length,)}. */
    public static void write(OutputStream out, double[] values) throws IOException {
        write(out, values, "(" + values.length + ",)");
    }

    /** {@code values} read as a C-order array of shape {@code rows x columns}. */
    public static void write(OutputStream out, double[] values, int rows, int columns) throws IOException {
        if ((long) rows * columns != values.length) throw new IllegalArgumentException("shape does not match data");
        write(out, values, "(" + rows + ", " + columns + ")");
    }

    private static void write(OutputStream out, double[] values, String shape) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        data.write(headerBytes.length & 0xff);
        data.write(headerBytes.length >>> 8);
        data.write(headerBytes);
        ByteBuffer buffer = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i += 4096) {
            buffer.clear();
            int end = Math.min(values.length, i + 4096);
            for (int k = i; k < end; k++) buffer.putDouble(values[k]);
            data.write(buffer.array(), 0, buffer.position());
        }
        data.flush();
    }
}
