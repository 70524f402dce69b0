package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.module.Importers;

/** Repository, fixtures and repository dumps shared by the import tests. */
public final class ImportTestSupport {
    private ImportTestSupport() {
    }

    public static OakRepository bootstrapped(OakRepository repository) {
        new RepositoryBootstrap(TestLightModule.contentTypes()).install(repository);
        return repository;
    }

    public static ImportService service(OakRepository repository) {
        return new ImportService(repository, TestLightModule.contentTypes(), TestLightModule.messages(), Importers.standard());
    }

    /** A folder of {@code src/test/resources/imports}. */
    public static Path resource(String relativePath) {
        try {
            return Path.of(ImportTestSupport.class.getResource("/imports/" + relativePath).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every node and property under a path, values included: equal dumps mean nothing was written. */
    public static Map<String, String> dump(OakRepository repository, String root) {
        return repository.withSystemSession(session -> {
            Map<String, String> dump = new TreeMap<>();
            if (session.nodeExists(root)) {
                dump(session.getNode(root), dump);
            }
            return dump;
        });
    }

    private static void dump(Node node, Map<String, String> dump) throws RepositoryException {
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            String value;
            if (property.isMultiple()) {
                StringBuilder values = new StringBuilder();
                for (Value v : property.getValues()) {
                    values.append(v.getString()).append('|');
                }
                value = values.toString();
            } else {
                value = property.getString();
            }
            dump.put(property.getPath(), value);
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            dump(it.nextNode(), dump);
        }
    }

    /** Writes a one-sheet workbook; numbers stay numbers, as in the DGCL files. */
    public static Path xlsx(Path file, String sheetName, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    public static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }

    /** The EPCI header of the DGCL file of a given year. */
    public static List<Object> epcicomHeader(int year) {
        return cells("dept", "siren", "raison_sociale", "nature_juridique", "mode_financ", "nb_membres",
                "total_pop_tot", "total_pop_mun", "dep_com", "insee", "siren_membre", "nom_membre",
                "ptot_" + year, "pmun_" + year);
    }
}
