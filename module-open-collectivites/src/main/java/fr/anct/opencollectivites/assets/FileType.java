package fr.anct.opencollectivites.assets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The accepted upload types, recognised from the first bytes (magic numbers), never from the name or
 * the declared content type. SVG is refused: it can carry script.
 */
public enum FileType {
    PNG("image/png", "png", true),
    JPEG("image/jpeg", "jpg", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", false),
    PDF("application/pdf", "pdf", false);

    private final String mimeType;
    private final String extension;
    private final boolean resizable;

    FileType(String mimeType, String extension, boolean resizable) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.resizable = resizable;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** Whether javax.imageio can read it to make display widths. */
    public boolean resizable() {
        return resizable;
    }

    public static Optional<FileType> sniff(byte[] bytes) {
        if (starts(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (starts(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (starts(bytes, ascii("GIF87a")) || starts(bytes, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (starts(bytes, ascii("RIFF")) && bytes.length >= 12
                && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (starts(bytes, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
