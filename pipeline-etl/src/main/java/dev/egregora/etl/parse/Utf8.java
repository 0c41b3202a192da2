package dev.egregora.etl.parse;

/** Counts malformed UTF-8 sequences (the ones a decoder replaces with U+FFFD). */
final class Utf8 {
    private Utf8() {
    }

    static long malformed(byte[] b, int from, int to) {
        long bad = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            int need;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                bad++;
                i++;
                continue;
            }
            int cp = c & (0x3F >> need);
            int j = 1;
            while (j <= need && i + j < to && (b[i + j] & 0xC0) == 0x80) {
                cp = (cp << 6) | (b[i + j] & 0x3F);
                j++;
            }
            if (j <= need || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                bad++;
                i += j;
                continue;
            }
            i += need + 1;
        }
        return bad;
    }
}
