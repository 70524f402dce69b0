package fr.anct.opencollectivites.publishing;

import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;

/**
 * The content type of an authored item: the light module's content types, plus page areas and
 * components whose definitions come from templates ({@code component:<template>}).
 */
public interface ItemTypes {
    Optional<ContentTypeDefinition> byName(String name);

    Optional<ContentTypeDefinition> of(Node node) throws RepositoryException;

    /** What to set on a node created with this type besides its values (a component's template). */
    default void initialise(Node node, String typeName) throws RepositoryException {
    }
}
