package org.playerdesk.access.internal.twofactor;

import java.nio.charset.StandardCharsets;

/**
 * A QR code (ISO/IEC 18004) of a short text in byte mode, error correction level M, versions 1
 * to 10 (up to 213 bytes: an {@code otpauth://} address fits), drawn on the server as SVG so
 * that the enrolment page needs no script and no image from elsewhere.
 */
final class QrCode {

    private static final int MAX_VERSION = 10;
    // level M, by version (index 0 unused)
    private static final int[] ECC_PER_BLOCK = { -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26 };
    private static final int[] BLOCKS = { -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5 };
    private static final int FORMAT_LEVEL_M = 0;
    private static final int MASK = 0;

    private final int size;
    private final boolean[][] dark;
    private final boolean[][] function;

    private QrCode(int version) {
        size = version * 4 + 17;
        dark = new boolean[size][size];
        function = new boolean[size][size];
    }

    /** The text as an SVG drawing (with the quiet zone), or an exception when it is too long for version 10. */
    static String svg(String text) {
        QrCode code = encode(text.getBytes(StandardCharsets.UTF_8));
        int border = 4;
        int side = code.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.dark[y][x]) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    /** Whether the module at column x, row y is dark (for tests). */
    boolean dark(int x, int y) {
        return dark[y][x];
    }

    int size() {
        return size;
    }

    static QrCode encode(byte[] data) {
        for (int version = 1; version <= MAX_VERSION; version++) {
            int capacityBits = dataCodewords(version) * 8;
            int countBits = version <= 9 ? 8 : 16;
            if (4 + countBits + data.length * 8 <= capacityBits) {
                QrCode code = new QrCode(version);
                code.drawFunctionPatterns(version);
                code.drawCodewords(code.interleave(version, dataCodewordsOf(data, version, countBits, capacityBits)));
                code.applyMask();
                code.drawFormatBits();
                return code;
            }
        }
        throw new IllegalArgumentException("text too long for a QR code of version " + MAX_VERSION);
    }

    private static byte[] dataCodewordsOf(byte[] data, int version, int countBits, int capacityBits) {
        Bits bits = new Bits(capacityBits);
        bits.append(0b0100, 4);
        bits.append(data.length, countBits);
        for (byte b : data) {
            bits.append(b & 0xff, 8);
        }
        bits.append(0, Math.min(4, capacityBits - bits.length));
        bits.append(0, (8 - bits.length % 8) % 8);
        for (int pad = 0xEC; bits.length < capacityBits; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.bytes();
    }

    private static final class Bits {
        final byte[] out;
        int length;

        Bits(int capacity) {
            out = new byte[capacity / 8];
        }

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--, length++) {
                if (((value >>> i) & 1) != 0) {
                    out[length >>> 3] |= (byte) (0x80 >>> (length & 7));
                }
            }
        }

        byte[] bytes() {
            return out;
        }
    }

    private static int rawModules(int version) {
        int result = (16 * version + 128) * version + 64;
        if (version >= 2) {
            int align = version / 7 + 2;
            result -= (25 * align - 10) * align - 55;
            if (version >= 7) {
                result -= 36;
            }
        }
        return result;
    }

    private static int dataCodewords(int version) {
        return rawModules(version) / 8 - ECC_PER_BLOCK[version] * BLOCKS[version];
    }

    private byte[] interleave(int version, byte[] data) {
        int blocks = BLOCKS[version];
        int eccLength = ECC_PER_BLOCK[version];
        int raw = rawModules(version) / 8;
        int shortBlocks = blocks - raw % blocks;
        int shortLength = raw / blocks;
        byte[] divisor = divisor(eccLength);
        byte[][] all = new byte[blocks][];
        for (int i = 0, k = 0; i < blocks; i++) {
            int dataLength = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
            byte[] part = java.util.Arrays.copyOfRange(data, k, k + dataLength);
            k += dataLength;
            byte[] block = new byte[shortLength + 1];
            System.arraycopy(part, 0, block, 0, dataLength);
            byte[] ecc = remainder(part, divisor);
            System.arraycopy(ecc, 0, block, block.length - eccLength, eccLength);
            all[i] = block;
        }
        byte[] result = new byte[raw];
        int k = 0;
        for (int i = 0; i < all[0].length; i++) {
            for (int j = 0; j < blocks; j++) {
                if (i != shortLength - eccLength || j >= shortBlocks) {
                    result[k++] = all[j][i];
                }
            }
        }
        return result;
    }

    private static byte[] divisor(int degree) {
        byte[] result = new byte[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < degree; j++) {
                result[j] = (byte) multiply(result[j] & 0xff, root);
                if (j + 1 < degree) {
                    result[j] ^= result[j + 1];
                }
            }
            root = multiply(root, 0x02);
        }
        return result;
    }

    private static byte[] remainder(byte[] data, byte[] divisor) {
        byte[] result = new byte[divisor.length];
        for (byte b : data) {
            int factor = (b ^ result[0]) & 0xff;
            System.arraycopy(result, 1, result, 0, result.length - 1);
            result[result.length - 1] = 0;
            for (int i = 0; i < result.length; i++) {
                result[i] ^= (byte) multiply(divisor[i] & 0xff, factor);
            }
        }
        return result;
    }

    private static int multiply(int x, int y) {
        int z = 0;
        for (int i = 7; i >= 0; i--) {
            z = (z << 1) ^ ((z >>> 7) * 0x11D);
            z ^= ((y >>> i) & 1) * x;
        }
        return z;
    }

    private void set(int x, int y, boolean isDark) {
        dark[y][x] = isDark;
        function[y][x] = true;
    }

    private void drawFunctionPatterns(int version) {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        finder(3, 3);
        finder(size - 4, 3);
        finder(3, size - 4);
        int[] positions = alignmentPositions(version);
        int last = positions.length - 1;
        for (int i = 0; i < positions.length; i++) {
            for (int j = 0; j < positions.length; j++) {
                if (!(i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0)) {
                    alignment(positions[i], positions[j]);
                }
            }
        }
        drawFormatBits(); // reserves the format areas; drawn again after masking
        if (version >= 7) {
            int remainder = version;
            for (int i = 0; i < 12; i++) {
                remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
            }
            long bits = (long) version << 12 | remainder;
            for (int i = 0; i < 18; i++) {
                boolean bit = ((bits >>> i) & 1) != 0;
                int a = size - 11 + i % 3;
                int b = i / 3;
                set(a, b, bit);
                set(b, a, bit);
            }
        }
    }

    private void finder(int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int distance = Math.max(Math.abs(dx), Math.abs(dy));
                int xx = x + dx;
                int yy = y + dy;
                if (0 <= xx && xx < size && 0 <= yy && yy < size) {
                    set(xx, yy, distance != 2 && distance != 4);
                }
            }
        }
    }

    private void alignment(int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
            }
        }
    }

    private static int[] alignmentPositions(int version) {
        if (version == 1) {
            return new int[0];
        }
        int count = version / 7 + 2;
        int step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
        int[] result = new int[count];
        result[0] = 6;
        for (int i = count - 1, position = version * 4 + 10; i >= 1; i--, position -= step) {
            result[i] = position;
        }
        return result;
    }

    private void drawFormatBits() {
        int data = FORMAT_LEVEL_M << 3 | MASK;
        int remainder = data;
        for (int i = 0; i < 10; i++) {
            remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
        }
        int bits = (data << 10 | remainder) ^ 0x5412;
        for (int i = 0; i <= 5; i++) {
            set(8, i, bit(bits, i));
        }
        set(8, 7, bit(bits, 6));
        set(8, 8, bit(bits, 7));
        set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            set(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            set(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            set(8, size - 15 + i, bit(bits, i));
        }
        set(8, size - 8, true);
    }

    private static boolean bit(int value, int i) {
        return ((value >>> i) & 1) != 0;
    }

    private void drawCodewords(byte[] data) {
        int i = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int vertical = 0; vertical < size; vertical++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vertical : vertical;
                    if (!function[y][x] && i < data.length * 8) {
                        dark[y][x] = bit(data[i >>> 3], 7 - (i & 7));
                        i++;
                    }
                }
            }
        }
    }

    /** Mask pattern 0 ((x + y) mod 2 == 0), as the format bits say. */
    private void applyMask() {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!function[y][x] && (x + y) % 2 == 0) {
                    dark[y][x] = !dark[y][x];
                }
            }
        }
    }
}
