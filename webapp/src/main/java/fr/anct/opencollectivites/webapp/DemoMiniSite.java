package fr.anct.opencollectivites.webapp;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * A published demo mini-site, "Petites villes de demain", at {@code /sites/petites-villes-de-demain/}, and an
 * editorial page at {@code /pages/a-propos}:
 * Magnolia's page model (page, area, components) written live, so a fresh platform shows what a program
 * team's site looks like. Its text is written for the demo; its team group is left to an administrator.
 */
final class DemoMiniSite {
    static final String SLUG = "petites-villes-de-demain";

    private DemoMiniSite() {
    }

    static void writeInto(OakRepository repository) {
        repository.withSystemSession(session -> {
            Node sites = session.getNode("/website/sites");
            if (sites.hasNode(SLUG)) {
                return null;
            }
            Node site = sites.addNode(SLUG, "oc:minisite");
            site.setProperty("slug", SLUG);
            site.setProperty("name", "Petites villes de demain");
            site.setProperty("teamGroup", "oc-team-" + SLUG);
            site.setProperty("description", "Le programme qui accompagne les petites villes dans leurs projets de territoire.");
            site.setProperty("navigation", new String[] {"home"});
            site.setProperty("territories", new String[] {"commune:42207", "commune:42095", "commune:42186"});
            Node home = site.addNode("home", "mgnl:page");
            home.setProperty("mgnl:template", "open-collectivites:pages/minisite-home");
            home.setProperty("title", "Petites villes de demain dans la Loire");
            Node main = home.addNode("main", "mgnl:area");
            component(main, "0", "minisite-text", "Le programme",
                    "<p>Démonstration : ce mini-site montre comment une équipe de programme présente ses communes, "
                            + "ses publications et ses alertes à partir des données de la plateforme.</p>");
            Node fiches = component(main, "1", "minisite-fiches", "Les communes accompagnées", null);
            fiches.setProperty("territories", new String[] {"commune:42207", "commune:42095", "commune:42186"});
            Node publications = component(main, "2", "minisite-publications", "Publications utiles", null);
            publications.setProperty("themes", new String[] {"finances-fiscalite"});
            Node communes = component(main, "3", "minisite-communes", "Les communes du programme dans la Loire", null);
            communes.setProperty("departement", "42");

            Node pages = org.apache.jackrabbit.commons.JcrUtils.getOrCreateByPath("/website/pages", "mgnl:folder", session);
            Node about = pages.addNode("a-propos", "mgnl:page");
            about.setProperty("mgnl:template", "open-collectivites:pages/page");
            about.setProperty("title", "À propos d'Open Collectivités");
            Node aboutText = component(about.addNode("main", "mgnl:area"), "0", "minisite-text", "Le portail",
                    "<p>Open Collectivités rassemble les données publiques des collectivités : référentiel officiel, "
                            + "finances, mairies, élus et publications des services statistiques publics.</p>");
            aboutText.setProperty("title", "Le portail");
            session.save();
            return null;
        });
    }

    private static Node component(Node area, String name, String template, String title, String text)
            throws RepositoryException {
        Node component = area.addNode(name, "mgnl:component");
        component.setProperty("mgnl:template", "open-collectivites:components/" + template);
        component.setProperty("title", title);
        if (text != null) {
            component.setProperty("text", text);
        }
        return component;
    }
}
