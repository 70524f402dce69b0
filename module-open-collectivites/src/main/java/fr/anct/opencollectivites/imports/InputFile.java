package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.io.FileUtils;

/**
 * A file given to import: the file itself, or for a gzip-compressed one ({@code .gz}, or the gzip magic
 * bytes) its content decompressed into a temporary folder under the same name without {@code .gz} (the
 * name may carry the vintage, e.g. {@code v_commune_2026.csv.gz}). Reports name the original.
 */
final class InputFile implements AutoCloseable {
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    /** A file that cannot be read at all; the reason is an i18n key. */
    static final class UnreadableException extends Exception {
        private final String reasonKey;

        UnreadableException(String reasonKey, Throwable cause) {
            super(reasonKey, cause);
            this.reasonKey = reasonKey;
        }

        String reasonKey() {
            return reasonKey;
        }
    }

    private final Path original;
    private final Path readable;
    private final Path temporaryDir;
    Importer importer;

    private InputFile(Path original, Path readable, Path temporaryDir) {
        this.original = original;
        this.readable = readable;
        this.temporaryDir = temporaryDir;
    }

    static InputFile open(Path file) throws UnreadableException {
        if (!Files.isRegularFile(file) || !isGzip(file)) {
            return new InputFile(file, file, null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oc-import-");
            String name = file.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                name = name.substring(0, name.length() - 3);
            }
            Path target = dir.resolve(name.isEmpty() ? "fichier" : name);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536);
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
            return new InputFile(file, target, dir);
        } catch (ZipException | java.io.EOFException e) {
            delete(dir);
            throw new UnreadableException("imports.unrecognised.corruptGzip", e);
        } catch (IOException e) {
            delete(dir);
            throw new UnreadableException("imports.unrecognised.unreadable", e);
        }
    }

    private static boolean isGzip(Path file) throws UnreadableException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(2), GZIP_MAGIC);
        } catch (AccessDeniedException e) {
            throw new UnreadableException("imports.unrecognised.unreadable", e);
        } catch (NoSuchFileException e) {
            throw new UnreadableException("imports.unrecognised.notAFile", e);
        } catch (IOException e) {
            throw new UnreadableException("imports.unrecognised.unreadable", e);
        }
    }

    /** The file named by the user. */
    Path original() {
        return original;
    }

    /** The file to read: the original, or its decompressed copy. */
    Path readable() {
        return readable;
    }

    @Override
    public void close() {
        delete(temporaryDir);
    }

    private static void delete(Path dir) {
        if (dir != null) {
            FileUtils.deleteQuietly(dir.toFile());
        }
    }
}
