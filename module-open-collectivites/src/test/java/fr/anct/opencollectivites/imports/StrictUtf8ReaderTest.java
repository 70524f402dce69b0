package fr.anct.opencollectivites.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StrictUtf8ReaderTest {

    @Test
    void readsUtf8AcrossBufferBoundaries() throws IOException {
        String text = "Clémenciat,Bâgé,Île-de-France,€\n".repeat(2000);
        StringBuilder read = new StringBuilder();
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            char[] buffer = new char[777];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                read.append(buffer, 0, n);
            }
        }
        assertThat(read.toString()).isEqualTo(text);
    }

    @Test
    void failsOnLatin1WithTheLineOfTheFirstBadByteEvenFarIntoTheFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 1; i < 5000; i++) {
            bytes.write(("COM,0100" + (i % 10) + ",Abergement\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        bytes.write("COM,01001,Clémenciat\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes.toByteArray()));
        char[] buffer = new char[4096];
        assertThatThrownBy(() -> {
            while (reader.read(buffer, 0, buffer.length) >= 0) {
                // read until the error
            }
        }).isInstanceOfSatisfying(StrictUtf8Reader.InvalidEncodingException.class,
                e -> assertThat(e.line()).isEqualTo(5000));
    }

    @Test
    void failsOnATruncatedMultiByteSequenceAtTheEnd() {
        byte[] bytes = {'a', '\n', (byte) 0xC3};
        Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        char[] buffer = new char[16];
        assertThatThrownBy(() -> {
            while (reader.read(buffer, 0, buffer.length) >= 0) {
                // read until the error
            }
        }).isInstanceOfSatisfying(StrictUtf8Reader.InvalidEncodingException.class,
                e -> assertThat(e.line()).isEqualTo(2));
    }
}
