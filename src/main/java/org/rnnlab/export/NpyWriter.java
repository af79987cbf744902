package org.rnnlab.export;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NumPy's {@code .npy} format 1.0: little-endian float64 ({@code '<f8'}), C order. The header is padded with
 * spaces so that the data starts on a multiple of 64 bytes, as {@code numpy.save} does. Matrices can be
 * written a row at a time ({@link #matrix}), so that a large one never has to be held in memory.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {}

    /** A 1-D array of shape {@code (values.length,)}. */
    public static void write(OutputStream out, double[] values) throws IOException {
        Rows rows = new Rows(out, "(" + values.length + ",)", 1, values.length);
        rows.write(values);
        rows.finish();
    }

    /** {@code values} read as a C-order array of shape {@code rows x columns}. */
    public static void write(OutputStream out, double[] values, int rows, int columns) throws IOException {
        if ((long) rows * columns != values.length) throw new IllegalArgumentException("shape does not match data");
        Rows writer = matrix(out, rows, columns);
        for (int i = 0; i < rows; i++) writer.write(values, i * columns);
        writer.finish();
    }

    /** Writes the header of a {@code rows x columns} matrix; its rows follow through the returned writer. */
    public static Rows matrix(OutputStream out, int rows, int columns) throws IOException {
        return new Rows(out, "(" + rows + ", " + columns + ")", rows, columns);
    }

    /** The rows of one array, written in order; {@link #finish} checks that all of them came. */
    public static final class Rows {
        private final DataOutputStream data;
        private final int rows;
        private final int columns;
        private final ByteBuffer buffer;
        private int written;

        private Rows(OutputStream out, String shape, int rows, int columns) throws IOException {
            this.data = new DataOutputStream(out);
            this.rows = rows;
            this.columns = columns;
            this.buffer = ByteBuffer.allocate(8 * Math.min(columns, 4096)).order(ByteOrder.LITTLE_ENDIAN);
            String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
            int unpadded = MAGIC.length + 2 + dict.length() + 1;
            int padding = (64 - unpadded % 64) % 64;
            byte[] header = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
            data.write(MAGIC);
            data.write(header.length & 0xff);
            data.write(header.length >>> 8);
            data.write(header);
        }

        /** The next row: {@code columns} values of {@code row} from {@code offset}. */
        public void write(double[] row, int offset) throws IOException {
            if (written == rows) throw new IllegalStateException("all " + rows + " rows were written already");
            for (int j = 0; j < columns; j += buffer.capacity() / 8) {
                buffer.clear();
                int end = Math.min(columns, j + buffer.capacity() / 8);
                for (int k = j; k < end; k++) buffer.putDouble(row[offset + k]);
                data.write(buffer.array(), 0, buffer.position());
            }
            written++;
        }

        public void write(double[] row) throws IOException {
            write(row, 0);
        }

        /** Flushes; fails if rows are missing (the file would not load). */
        public void finish() throws IOException {
            if (written != rows) throw new IOException("wrote " + written + " of " + rows + " rows");
            data.flush();
        }
    }
}
