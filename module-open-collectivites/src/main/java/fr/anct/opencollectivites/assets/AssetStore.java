package fr.anct.opencollectivites.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.web.Hashes;

/**
 * Images and PDFs stored as repository binaries under {@code /oc:assets/<folder>/<id>} ({@code oc:asset}
 * with a {@code jcr:content} {@code nt:resource}), with display widths of images as {@code w<width>}
 * resources. The type comes from the bytes; the size is capped; the file name is only a label (the
 * path is a random id), and a name with a path in it is refused. Uploads write with the uploader's
 * session: editors and publishers write {@code editorial}, a mini-site team {@code sites/<slug>}.
 * An uploaded asset is public at once under an unguessable, immutable URL.
 */
public final class AssetStore {
    public static final String ROOT = "/oc:assets";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final List<Integer> WIDTHS = List.of(320, 640, 1280);
    private static final long MAX_PIXELS = 40_000_000L;

    private final ContentTypeRegistry types;
    private final long maxBytes;
    private final ContentWriter writer = new ContentWriter();

    public AssetStore(ContentTypeRegistry types, long maxBytes) {
        this.types = types;
        this.maxBytes = maxBytes;
    }

    public record Asset(String id, String fileName, String mimeType, long size, String sha256, Integer width,
                        Integer height, List<Integer> widths) {
        public String url() {
            return "/.rest/assets/" + id + "/" + sha256 + "/" + fileName;
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Asset store(Session session, String folder, String fileName, InputStream body) throws RepositoryException {
        if (folder == null || !folder.matches("editorial|sites/[a-z0-9][a-z0-9-]{1,49}")) {
            throw new AssetException(404, "authoring.error.notFound", folder);
        }
        String name = checkedName(fileName);
        byte[] bytes = read(body);
        FileType type = FileType.sniff(bytes).orElseThrow(() -> new AssetException(415, "assets.error.type"));
        String id = UUID.randomUUID().toString().replace("-", "");
        String sha = Hashes.sha256Hex(bytes);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", withExtension(name, type));
        values.put("mimeType", type.mimeType());
        values.put("size", (long) bytes.length);
        values.put("sha256", sha);
        Map<Integer, byte[]> variants = new LinkedHashMap<>();
        if (type.resizable()) {
            BufferedImage image = readImage(bytes);
            if (image != null) {
                values.put("width", (long) image.getWidth());
                values.put("height", (long) image.getHeight());
                for (int width : WIDTHS) {
                    if (width < image.getWidth()) {
                        variants.put(width, resize(image, width, type));
                    }
                }
            }
        }
        String path = ROOT + "/" + folder + "/" + id;
        writer.upsert(session, path, types.require("asset"), values);
        Node node = session.getNode(path);
        resource(node, "jcr:content", type.mimeType(), bytes);
        for (Map.Entry<Integer, byte[]> variant : variants.entrySet()) {
            resource(node, "w" + variant.getKey(), type.mimeType(), variant.getValue());
        }
        session.save();
        return asset(node);
    }

    /** An asset by its id and content hash, as the public URL names it (read with the anonymous session). */
    public Optional<Node> find(Session session, String id, String sha) throws RepositoryException {
        if (id == null || !id.matches("[0-9a-f]{32}") || sha == null || !sha.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Query query = session.getWorkspace().getQueryManager().createQuery(
                "SELECT * FROM [oc:asset] AS a WHERE a.[sha256] = $sha AND ISDESCENDANTNODE(a, '" + ROOT + "')",
                Query.JCR_SQL2);
        query.bindValue("sha", session.getValueFactory().createValue(sha));
        for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.getName().equals(id)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * The resource of an asset to send for a display width: the original without a width; for one of
     * {@link #WIDTHS}, its resized copy, or the original when the image is not wider than that (no copy is
     * made then: a 200 px logo asked {@code ?w=320} is the 200 px original). Empty for another width, or
     * a width asked of a file that is not an image.
     */
    public static Optional<Node> resource(Node asset, Integer width) throws RepositoryException {
        if (width == null) {
            return Optional.of(asset.getNode("jcr:content"));
        }
        if (asset.hasNode("w" + width)) {
            return Optional.of(asset.getNode("w" + width));
        }
        boolean notWider = WIDTHS.contains(width) && asset.hasProperty("width") && asset.getProperty("width").getLong() <= width;
        return notWider ? Optional.of(asset.getNode("jcr:content")) : Optional.empty();
    }

    /** The newest assets of a folder the session can read (at most {@code limit}), newest first. */
    public List<Asset> list(Session session, String folder, int limit) throws RepositoryException {
        String path = ROOT + "/" + folder;
        if (folder == null || !folder.matches("editorial|sites/[a-z0-9][a-z0-9-]{1,49}") || !session.nodeExists(path)) {
            return List.of();
        }
        java.util.ArrayDeque<Asset> newest = new java.util.ArrayDeque<>();
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("oc:asset") && node.hasProperty("sha256")) {
                newest.addFirst(asset(node));
                if (newest.size() > limit) {
                    newest.removeLast();
                }
            }
        }
        return List.copyOf(newest);
    }

    static Asset asset(Node node) throws RepositoryException {
        List<Integer> widths = new ArrayList<>();
        for (int width : WIDTHS) {
            if (node.hasNode("w" + width)) {
                widths.add(width);
            }
        }
        return new Asset(node.getName(), node.getProperty("fileName").getString(),
                node.getProperty("mimeType").getString(), node.getProperty("size").getLong(),
                node.getProperty("sha256").getString(),
                node.hasProperty("width") ? (int) node.getProperty("width").getLong() : null,
                node.hasProperty("height") ? (int) node.getProperty("height").getLong() : null, widths);
    }

    /** A label, not a path: a name holding a path, "..", control characters or nothing usable is refused. */
    static String checkedName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/")
                || fileName.contains("\\") || fileName.contains("..") || fileName.chars().anyMatch(c -> c < 0x20)) {
            throw new AssetException(400, "assets.error.name");
        }
        String safe = java.text.Normalizer.normalize(fileName, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("-{2,}", "-");
        if (!safe.matches(".*[A-Za-z0-9].*") || safe.startsWith(".")) {
            throw new AssetException(400, "assets.error.name");
        }
        return safe;
    }

    private static String withExtension(String name, FileType type) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "." + type.extension();
    }

    private byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new AssetException(413, "assets.error.tooLarge", maxBytes / (1024 * 1024));
            }
            if (bytes.length == 0) {
                throw new AssetException(400, "assets.error.empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new AssetException(400, "assets.error.empty");
        }
    }

    private static BufferedImage readImage(byte[] bytes) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input);
                // a decompression bomb (a tiny file declaring a huge image) is not decoded
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new AssetException(413, "assets.error.tooManyPixels", reader.getWidth(0), reader.getHeight(0),
                            MAX_PIXELS / 1_000_000);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new AssetException(415, "assets.error.type");
        }
    }

    private static byte[] resize(BufferedImage image, int width, FileType type) {
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        boolean alpha = type == FileType.PNG || type == FileType.GIF;
        BufferedImage scaled = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(scaled, type == FileType.JPEG ? "jpg" : type == FileType.GIF ? "gif" : "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void resource(Node asset, String name, String mimeType, byte[] bytes) throws RepositoryException {
        Node resource = asset.addNode(name, "nt:resource");
        Binary binary = asset.getSession().getValueFactory().createBinary(new ByteArrayInputStream(bytes));
        resource.setProperty("jcr:data", binary);
        resource.setProperty("jcr:mimeType", mimeType);
        resource.setProperty("jcr:lastModified", Calendar.getInstance());
    }
}
