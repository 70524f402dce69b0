package fr.anct.opencollectivites.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.util.BytesRef;

/**
 * A {@link SearchHit} as the bytes of a binary doc value. Doc values are read in place, whereas stored
 * fields decompress a whole block per hit: on an autocomplete, that is most of the latency.
 */
final class HitPayload {
    private HitPayload() {
    }

    static BytesRef encode(SearchHit hit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, hit.code());
            writeString(out, hit.nom());
            writeString(out, hit.type());
            writeString(out, hit.typecom());
            writeString(out, hit.departement());
            writeString(out, hit.departementNom());
            out.writeBoolean(hit.population() != null);
            if (hit.population() != null) {
                out.writeLong(hit.population());
            }
            writeString(out, hit.apiPath());
            writeString(out, hit.pagePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(bytes.toByteArray());
    }

    static SearchHit decode(BytesRef bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length))) {
            String code = readString(in);
            String nom = readString(in);
            String type = readString(in);
            String typecom = readString(in);
            String departement = readString(in);
            String departementNom = readString(in);
            Long population = in.readBoolean() ? in.readLong() : null;
            return new SearchHit(code, nom, type, typecom, departement, departementNom, population,
                    readString(in), readString(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
