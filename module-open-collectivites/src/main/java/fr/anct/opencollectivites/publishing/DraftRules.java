package fr.anct.opencollectivites.publishing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.Violation;

/**
 * Rules of a content type beyond what its YAML says (a mini-site's host name is unique…), checked by
 * {@link Drafts} on every create and update, so the authoring form and the JSON API apply the same ones.
 * A feature contributes its rules; the composition root hands them to {@link Drafts}.
 */
@FunctionalInterface
public interface DraftRules {
    /**
     * @param existing the draft before the write; empty on a create
     * @param values   the properties written (a partial update: only those given; null removes one);
     *                 a rule may normalise a value in place
     * @param violations where to add what breaks a rule (field, i18n key, arguments)
     */
    void check(Session session, ItemPath path, ContentTypeDefinition type, Optional<Node> existing,
               Map<String, Object> values, List<Violation> violations) throws RepositoryException;
}
