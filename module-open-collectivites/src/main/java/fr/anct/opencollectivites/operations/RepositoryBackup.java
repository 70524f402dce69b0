package fr.anct.opencollectivites.operations;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.AccessPolicies;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * A portable backup of the whole content tree: a ZIP file holding one JCR system-view XML document per
 * content subtree (exact types, mixins, identifiers and values; binaries inline) and a manifest. It is
 * independent of the store, so an embedded repository can be restored into PostgreSQL and back.
 *
 * <p>Consistency: the whole backup is read through one session, which in Oak is a snapshot of one
 * revision of the repository; writes made while it runs are not in it, and none is in it by half.
 *
 * <p>What the bootstrap installs (node types, indexes, workspace roots and their ACLs) is not backed up:
 * it is installed again before a restore. Oak's own system trees (version storage, {@code /home}) are
 * not either: restored nodes start a new version history, and the accounts (users with their password
 * hashes, roles, teams) are in the backup through the user-management API ({@link AccountsBackup}),
 * restored before the content whose access-control entries name them. Signed-in sessions are left out.
 */
public final class RepositoryBackup {
    public static final String FORMAT = "open-collectivites-backup/2";
    /** Backups written before accounts were in them: still restored (without accounts). */
    private static final Set<String> READABLE_FORMATS = Set.of("open-collectivites-backup/1", FORMAT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryBackup.class);
    private static final String MANIFEST = "manifest.properties";
    private static final String ACCOUNTS = "accounts.json";
    /** Signed-in browser sessions: a restored platform asks everyone to sign in again. */
    private static final String SESSIONS = SecurityPaths.SESSIONS_ROOT;
    /** Oak-managed top-level trees, never part of the content. */
    private static final Set<String> SYSTEM_TREES = Set.of("jcr:system", "oak:index", "rep:security", "home", "rep:policy");

    private final OakRepository repository;

    public RepositoryBackup(OakRepository repository) {
        this.repository = repository;
    }

    /** What a backup or a restore wrote. */
    public record Summary(int subtrees, long nodes) {
    }

    /** Writes the backup to a temporary file beside {@code target}, then moves it into place. */
    public Summary backup(Path target) {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            Summary summary;
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                summary = repository.withSystemSession(session -> write(session, zip));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backup written to {}: {} subtrees, {} nodes", target, summary.subtrees(), summary.nodes());
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                LOG.warn("Temporary backup file left behind: {}", temporary);
            }
        }
    }

    private Summary write(Session session, ZipOutputStream zip) throws RepositoryException {
        List<Node> subtrees = new ArrayList<>();
        collect(session.getRootNode(), subtrees);
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("subtrees", Integer.toString(subtrees.size()));
        long nodes = 0;
        for (int i = 0; i < subtrees.size(); i++) {
            Node subtree = subtrees.get(i);
            manifest.setProperty("subtree." + i + ".parent", subtree.getParent().getPath());
            manifest.setProperty("subtree." + i + ".path", subtree.getPath());
            nodes += count(subtree);
        }
        manifest.setProperty("nodes", Long.toString(nodes));
        AccountsBackup.Accounts accounts = AccountsBackup.read(session);
        manifest.setProperty("accounts.users", Integer.toString(accounts.users().size()));
        manifest.setProperty("accounts.groups", Integer.toString(accounts.groups().size()));
        try {
            // the manifest first: a restore learns each entry's parent before reading it
            zip.putNextEntry(new ZipEntry(MANIFEST));
            StringWriter text = new StringWriter();
            manifest.store(text, FORMAT);
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            // then the accounts: the content's access-control entries name them
            zip.putNextEntry(new ZipEntry(ACCOUNTS));
            zip.write(JSON.writeValueAsBytes(accounts));
            zip.closeEntry();
            for (int i = 0; i < subtrees.size(); i++) {
                zip.putNextEntry(new ZipEntry("content/" + i + ".xml"));
                session.exportSystemView(subtrees.get(i).getPath(), new NonClosingOutputStream(zip), false, false);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(subtrees.size(), nodes);
    }

    /** The subtrees to export: the children of the containers the bootstrap creates, other trees whole. */
    private static void collect(Node container, List<Node> subtrees) throws RepositoryException {
        for (NodeIterator children = container.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (container.getDepth() == 0 && SYSTEM_TREES.contains(child.getName()) || "rep:policy".equals(child.getName())
                    || SESSIONS.equals(child.getPath())) {
                continue;
            }
            if (isBootstrapContainer(child.getPath())) {
                collect(child, subtrees);
            } else {
                subtrees.add(child);
            }
        }
    }

    /** The nodes the bootstrap creates (their identifiers are its own, new on a restore). */
    public static boolean isBootstrapContainer(String path) {
        if (path.equals("/" + Workspaces.SYSTEM) || path.equals(Workspaces.AUTHORING_ROOT)) {
            return true;
        }
        for (String workspace : Workspaces.LIVE) {
            if (path.equals(Workspaces.liveRoot(workspace)) || path.equals(Workspaces.draftRoot(workspace))) {
                return true;
            }
        }
        for (String folder : AccessPolicies.FOLDERS) {
            if (folder.equals(path) || folder.startsWith(path + "/")) {
                return true;
            }
        }
        return false;
    }

    private static long count(Node node) throws RepositoryException {
        long count = 1;
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            count += count(children.nextNode());
        }
        return count;
    }

    /**
     * Imports a backup into a bootstrapped repository that holds no content yet. Each subtree is saved
     * as it is read; a failure names the subtree and leaves the repository to be discarded.
     */
    public Summary restore(Path source) {
        return repository.withSystemSession(session -> {
            if (hasContent(session.getRootNode()) || AccountsBackup.holdsAccounts(session)) {
                throw new IllegalStateException("The repository already holds content: restore into a fresh data directory or an empty database");
            }
            Properties manifest = null;
            AccountsBackup.Accounts accounts = null;
            int imported = 0;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals(MANIFEST)) {
                        manifest = new Properties();
                        manifest.load(new StringReader(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                    } else if (entry.getName().equals(ACCOUNTS) && manifest != null) {
                        accounts = JSON.readValue(zip.readAllBytes(), AccountsBackup.Accounts.class);
                        AccountsBackup.write(session, accounts);
                        session.save();
                    } else if (entry.getName().startsWith("content/") && manifest != null) {
                        String index = entry.getName().substring("content/".length()).replace(".xml", "");
                        String parent = manifest.getProperty("subtree." + index + ".parent");
                        if (parent == null) {
                            throw new IllegalArgumentException(source + ": entry " + entry.getName() + " is not in the manifest");
                        }
                        importSubtree(session, parent, zip);
                        imported++;
                    } else {
                        throw new IllegalArgumentException(source + " is not a backup of this platform (unexpected entry "
                                + entry.getName() + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the backup " + source + ": " + e.getMessage(), e);
            }
            if (manifest == null || !READABLE_FORMATS.contains(manifest.getProperty("format"))) {
                throw new IllegalArgumentException(source + " is not a backup of this platform (" + MANIFEST + " missing or of another format)");
            }
            verifyAccounts(session, manifest, accounts, source);
            return verify(session, manifest, imported, source);
        });
    }

    /** Imports one subtree under its parent (created as a folder if the bootstrap did not) and saves it. */
    private static void importSubtree(Session session, String parent, InputStream zip) throws RepositoryException, IOException {
        if (!session.nodeExists(parent)) {
            JcrUtils.getOrCreateByPath(parent, "mgnl:folder", session);
        }
        session.importXML(parent, new NonClosingInputStream(zip), ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
        session.save();
    }

    private static Summary verify(Session session, Properties manifest, int imported, Path source) throws RepositoryException {
        int expectedSubtrees = Integer.parseInt(manifest.getProperty("subtrees"));
        long expectedNodes = Long.parseLong(manifest.getProperty("nodes"));
        long nodes = 0;
        for (int i = 0; i < expectedSubtrees; i++) {
            String path = manifest.getProperty("subtree." + i + ".path");
            if (!session.nodeExists(path)) {
                throw new RepositoryFailure(source + ": subtree " + path + " missing after the restore", null);
            }
            nodes += count(session.getNode(path));
        }
        if (imported != expectedSubtrees || nodes != expectedNodes) {
            throw new RepositoryFailure(source + ": the backup announces " + expectedSubtrees + " subtrees and "
                    + expectedNodes + " nodes, the restore found " + imported + " and " + nodes, null);
        }
        return new Summary(imported, nodes);
    }

    private static void verifyAccounts(Session session, Properties manifest, AccountsBackup.Accounts restored, Path source)
            throws RepositoryException {
        if (manifest.getProperty("accounts.users") == null) {
            return; // a backup of the first format: no accounts in it
        }
        AccountsBackup.Accounts found = AccountsBackup.read(session);
        int users = Integer.parseInt(manifest.getProperty("accounts.users"));
        int groups = Integer.parseInt(manifest.getProperty("accounts.groups"));
        if (restored == null || found.users().size() != users || found.groups().size() < groups) {
            throw new RepositoryFailure(source + ": the backup announces " + users + " users and " + groups
                    + " groups, the restore found " + found.users().size() + " and " + found.groups().size(), null);
        }
    }

    private static boolean hasContent(Node container) throws RepositoryException {
        for (NodeIterator children = container.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (container.getDepth() == 0 && SYSTEM_TREES.contains(child.getName()) || "rep:policy".equals(child.getName())) {
                continue;
            }
            if (!isBootstrapContainer(child.getPath()) || hasContent(child)) {
                return true;
            }
        }
        return false;
    }

    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NonClosingInputStream extends FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the ZIP stream goes on with the next entry
        }
    }
}
