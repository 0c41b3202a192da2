package dev.egregora.etl.media;

import java.io.ByteArrayOutputStream;

/**
 * Removes privacy-relevant metadata from a JPEG without re-encoding it: APP1 (EXIF with GPS position, camera
 * serials, XMP), APP13 (IPTC/Photoshop) and COM segments. Keeps everything else (JFIF, ICC profile, the image
 * data). Note: the EXIF orientation goes too, so a phone photo may show rotated. Not a JPEG, or a malformed one:
 * returned unchanged.
 */
public final class JpegMetadata {
    private JpegMetadata() {
    }

    public static byte[] strip(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return jpeg;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        int p = 2;
        boolean removed = false;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                return jpeg; // malformed: leave it alone
            }
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                out.write(jpeg, p, jpeg.length - p); // start of scan: the rest is image data
                return removed ? out.toByteArray() : jpeg;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(jpeg, p, 2);
                p += 2;
                continue;
            }
            int len = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if (len < 2 || p + 2 + len > jpeg.length) {
                return jpeg;
            }
            if (marker == 0xE1 || marker == 0xED || marker == 0xFE) {
                removed = true;
            } else {
                out.write(jpeg, p, 2 + len);
            }
            p += 2 + len;
        }
        return jpeg;
    }
}
