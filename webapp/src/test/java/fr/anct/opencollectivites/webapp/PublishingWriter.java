package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.Optional;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/**
 * A stand-in for publishing, run as a child process that the crash campaign kills: it publishes pages
 * one after the other — a page, its area and three components written in one save, as publishing an
 * item does — and prints {@code ACK n} only once the save has returned. Arguments: data directory,
 * light-module folder, first page number.
 */
public final class PublishingWriter {
    static final String ROOT = "/website/campagne";
    static final int COMPONENTS = 3;

    private PublishingWriter() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        ContentTypeRegistry types = ContentTypeRegistry.load(LightModuleLocator.locate(Optional.of(Path.of(args[1]))));
        int next = Integer.parseInt(args[2]);
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            new RepositoryBootstrap(types).install(repository);
            System.out.println("READY");
            System.out.flush();
            for (int page = next; ; page++) {
                publish(repository, page);
                System.out.println("ACK " + page);
                System.out.flush();
            }
        }
    }

    static void publish(OakRepository repository, int number) {
        repository.withSystemSession(session -> {
            Node root = JcrUtils.getOrCreateByPath(ROOT, "mgnl:folder", session);
            Node page = root.addNode("p" + number, "mgnl:page");
            page.setProperty("title", "Page " + number);
            page.setProperty("mgnl:template", "open-collectivites:pages/article");
            Node area = page.addNode("main", "mgnl:area");
            for (int c = 0; c < COMPONENTS; c++) {
                Node component = area.addNode("c" + c, "mgnl:component");
                component.setProperty("mgnl:template", "open-collectivites:components/text");
                component.setProperty("text", text(number, c));
            }
            page.setProperty("published", true); // written last: a page is complete only with it
            session.save();
            return null;
        });
    }

    static String text(int page, int component) {
        return ("<p>Page " + page + ", bloc " + component + ".</p>").repeat(50);
    }
}
