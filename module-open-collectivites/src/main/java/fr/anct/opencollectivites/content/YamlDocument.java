package fr.anct.opencollectivites.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as a node tree that remembers line numbers, so every definition error names
 * {@code file:line}. Shared by the content-type, endpoint and template loaders of the light module.
 */
public final class YamlDocument {
    private final Path file;

    private YamlDocument(Path file) {
        this.file = file;
    }

    /** Parses a file; an empty file gives an empty mapping. */
    public static Mapping read(Path file) {
        YamlDocument document = new YamlDocument(file);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                return document.new Mapping(null, 1);
            }
            return document.mapping(root, "the document");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new DefinitionException(file, line, "invalid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new DefinitionException(file, 1, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof DefinitionException definitionException) {
                throw definitionException;
            }
            throw new DefinitionException(file, 1, "invalid YAML: " + e.getMessage());
        }
    }

    private Mapping mapping(Node node, String what) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw new DefinitionException(file, line(node), what + " must be a mapping (key: value)");
        }
        return new Mapping(mappingNode, line(node));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** A YAML mapping with typed accessors that fail with file and line. */
    public final class Mapping {
        private final MappingNode node;
        private final int line;

        private Mapping(MappingNode node, int line) {
            this.node = node;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }

        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (node != null) {
                for (NodeTuple tuple : node.getValue()) {
                    keys.add(((ScalarNode) tuple.getKeyNode()).getValue());
                }
            }
            return keys;
        }

        private Optional<Node> value(String key) {
            if (node == null) {
                return Optional.empty();
            }
            return node.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                    .map(NodeTuple::getValueNode)
                    .findFirst();
        }

        public int lineOf(String key) {
            return value(key).map(YamlDocument::line).orElse(line);
        }

        public Optional<String> string(String key) {
            return value(key).map(v -> {
                if (!(v instanceof ScalarNode scalar)) {
                    throw new DefinitionException(file, YamlDocument.line(v), "'" + key + "' must be a single value");
                }
                return scalar.getValue();
            });
        }

        public String requiredString(String key) {
            return string(key).filter(s -> !s.isBlank()).orElseThrow(() ->
                    new DefinitionException(file, line, "'" + key + "' is required"));
        }

        public boolean bool(String key, boolean defaultValue) {
            return string(key).map(v -> switch (v.trim().toLowerCase()) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new DefinitionException(file, lineOf(key),
                        "'" + key + "' must be true or false, not '" + v + "'");
            }).orElse(defaultValue);
        }

        public Optional<Integer> integer(String key) {
            return string(key).map(v -> {
                try {
                    return Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw new DefinitionException(file, lineOf(key), "'" + key + "' must be a whole number, not '" + v + "'");
                }
            });
        }

        public Optional<Mapping> mapping(String key) {
            return value(key).map(v -> YamlDocument.this.mapping(v, "'" + key + "'"));
        }

        /** A list of mappings; a missing key gives an empty list. */
        public List<Mapping> mappings(String key) {
            return value(key).map(v -> {
                if (!(v instanceof SequenceNode sequence)) {
                    throw new DefinitionException(file, YamlDocument.line(v), "'" + key + "' must be a list");
                }
                return sequence.getValue().stream()
                        .map(item -> YamlDocument.this.mapping(item, "each item of '" + key + "'"))
                        .toList();
            }).orElse(List.of());
        }

        /** A list of strings, or a single string taken as a one-item list. */
        public List<String> strings(String key) {
            return value(key).map(v -> {
                if (v instanceof ScalarNode scalar) {
                    return List.of(scalar.getValue());
                }
                if (!(v instanceof SequenceNode sequence)) {
                    throw new DefinitionException(file, YamlDocument.line(v), "'" + key + "' must be a list of values");
                }
                return sequence.getValue().stream().map(item -> {
                    if (!(item instanceof ScalarNode scalar)) {
                        throw new DefinitionException(file, YamlDocument.line(item), "each item of '" + key + "' must be a value");
                    }
                    return scalar.getValue();
                }).toList();
            }).orElse(List.of());
        }

        public DefinitionException error(String key, String reason) {
            return new DefinitionException(file, lineOf(key), reason);
        }
    }
}
