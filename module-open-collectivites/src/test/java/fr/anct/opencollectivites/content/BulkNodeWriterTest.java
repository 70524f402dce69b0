package fr.anct.opencollectivites.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.jcr.AccessDeniedException;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.OakSessionTrees;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/** Importers write new nodes on Oak's tree: what they store must be what the JCR API would have stored. */
@Tag("repository")
class BulkNodeWriterTest {
    private static final String ROOT = "/collectivites/essais";
    private ContentTypeRegistry types;

    @BeforeEach
    void lightModule(@TempDir Path module) throws IOException {
        Path dir = Files.createDirectories(module.resolve("contentTypes"));
        Files.writeString(dir.resolve("essai.yaml"), """
                datasource:
                  workspace: collectivites
                  rootPath: /essais
                model:
                  nodeType: oc:essai
                  properties:
                    - name: code
                      required: true
                      indexed: true
                    - name: texte
                      type: richText
                    - name: nombre
                      type: Long
                    - name: taux
                      type: Double
                    - name: montant
                      type: Decimal
                    - name: jour
                      type: Date
                    - name: instant
                      type: Date
                    - name: actif
                      type: Boolean
                    - name: lien
                      type: reference:essai
                    - name: image
                      type: asset
                    - name: etiquettes
                      multiple: true
                    - name: annees
                      type: Long
                      multiple: true
                    - name: vide
                      multiple: true
                    - name: absent
                    - name: horaires
                      type: plage
                      multiple: true
                  subModels:
                    - name: plage
                      properties:
                        - name: jour
                """);
        types = ContentTypeRegistry.load(module);
    }

    @Test
    void aNodeCreatedForAnImportEqualsOneCreatedThroughTheJcrApi() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                assertThat(OakSessionTrees.available(session))
                        .as("Oak's session field read by OakSessionTrees (renamed in a new Oak version?)").isTrue();
                ContentTypeDefinition essai = types.require("essai");
                assertThat(new ContentWriter().upsert(session, ROOT + "/jcr", essai, values("A")))
                        .isEqualTo(WriteOutcome.CREATED);
                assertThat(ContentWriter.forImports().upsert(session, ROOT + "/bulk", essai, values("B")))
                        .isEqualTo(WriteOutcome.CREATED);
                session.save();

                Node jcr = session.getNode(ROOT + "/jcr");
                Node bulk = session.getNode(ROOT + "/bulk");
                assertThat(bulk.getPrimaryNodeType().getName()).isEqualTo("oc:essai");
                assertThat(bulk.isNodeType("mix:referenceable")).isTrue();
                assertThat(names(bulk.getMixinNodeTypes())).isEqualTo(names(jcr.getMixinNodeTypes()));
                assertThat(described(bulk)).isEqualTo(described(jcr));
                assertThat(UUID.fromString(bulk.getIdentifier()).toString()).isNotEqualTo(jcr.getIdentifier());
                assertThat(session.getNodeByIdentifier(bulk.getIdentifier()).getPath()).isEqualTo(bulk.getPath());
                assertThat(bulk.getProperty(ContentWriter.CREATED).getType()).isEqualTo(javax.jcr.PropertyType.DATE);
                return null;
            });
        }
    }

    @Test
    void bulkCreatedNodesAreIndexedAndListedInTheSameOrder() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                for (String code : List.of("c", "a", "b")) {
                    ContentWriter.forImports().upsert(session, ROOT + "/" + code, types.require("essai"),
                            Map.of("code", "code-" + code));
                    new ContentWriter().upsert(session, "/collectivites/temoins/" + code, types.require("essai"),
                            Map.of("code", "temoin-" + code));
                }
                session.save();
                String statement = "SELECT * FROM [oc:essai] WHERE [code] = 'code-a'";
                var queries = session.getWorkspace().getQueryManager();
                String plan = queries.createQuery("EXPLAIN " + statement, Query.JCR_SQL2).execute()
                        .getRows().nextRow().getValue("plan").getString();
                assertThat(plan).contains("oc-code");
                assertThat(queries.createQuery(statement, Query.JCR_SQL2).execute().getNodes().nextNode().getPath())
                        .isEqualTo(ROOT + "/a");
                assertThat(childNames(session.getNode(ROOT)))
                        .isEqualTo(childNames(session.getNode("/collectivites/temoins")));
                return null;
            });
        }
    }

    @Test
    void aSubModelGoesThroughTheJcrApiAndIsWrittenWhole() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                Map<String, Object> values = new HashMap<>(Map.of("code", "x"));
                values.put("horaires", List.of(Map.of("jour", "lundi"), Map.of("jour", "mardi")));
                ContentWriter.forImports().upsert(session, ROOT + "/x", types.require("essai"), values);
                session.save();
                assertThat(session.getNode(ROOT + "/x/horaires/1").getProperty("jour").getString()).isEqualTo("mardi");
                return null;
            });
        }
    }

    @Test
    void permissionsStillDecideAtSaveAndNothingIsStoredWhenDenied() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                ContentWriter.forImports().upsert(session, ROOT + "/existing", types.require("essai"), Map.of("code", "e"));
                session.save();
                return null;
            });
            Session anonymous = repository.loginAnonymous();
            try {
                Throwable denied = catchThrowable(() -> {
                    ContentWriter.forImports().upsert(anonymous, ROOT + "/forged", types.require("essai"), Map.of("code", "f"));
                    anonymous.save();
                });
                assertThat(denied).isInstanceOf(AccessDeniedException.class);
            } finally {
                anonymous.logout();
            }
            boolean stored = repository.withSystemSession(session -> session.nodeExists(ROOT + "/forged"));
            assertThat(stored).isFalse();
        }
    }

    private static Map<String, Object> values(String code) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", "same");
        values.put("texte", "<p>Texte <strong>riche</strong></p>");
        values.put("nombre", 42L);
        values.put("taux", 0.25);
        values.put("montant", new BigDecimal("1234.56"));
        values.put("jour", LocalDate.of(2026, 3, 1));
        values.put("instant", OffsetDateTime.parse("2026-11-23T10:15:30+01:00"));
        values.put("actif", true);
        values.put("lien", "0f0e2b1c-1a1a-4c4c-8d8d-123456789abc");
        values.put("image", "/assets/logo.png");
        values.put("etiquettes", List.of("un", "deux"));
        values.put("annees", List.of(2024L, 2025L));
        values.put("vide", List.of());
        values.put("absent", null);
        return values;
    }

    /** Every property but the node's own identity and timestamps: name → type, multiplicity and values. */
    private static Map<String, String> described(Node node) throws RepositoryException {
        Map<String, String> described = new TreeMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext();) {
            Property property = it.nextProperty();
            String name = property.getName();
            if (name.equals("jcr:uuid") || name.equals(ContentWriter.CREATED) || name.equals(ContentWriter.LAST_MODIFIED)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
                values.add(value.getString());
            }
            described.put(name, javax.jcr.PropertyType.nameFromValue(property.getType())
                    + (property.isMultiple() ? "[]" : "") + " " + values);
        }
        return described;
    }

    private static List<String> childNames(Node node) throws RepositoryException {
        List<String> names = new ArrayList<>();
        for (javax.jcr.NodeIterator it = node.getNodes(); it.hasNext();) {
            names.add(it.nextNode().getName());
        }
        return names;
    }

    private static List<String> names(javax.jcr.nodetype.NodeType[] types) {
        return Arrays.stream(types).map(javax.jcr.nodetype.NodeType::getName).sorted().toList();
    }
}
