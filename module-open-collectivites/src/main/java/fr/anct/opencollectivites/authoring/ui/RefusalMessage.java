package fr.anct.opencollectivites.authoring.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the refusal page says when the repository's access control refuses what an authoring page does
 * ({@link AccessRefusedPage}): the message key, on the resource class or method. Without it, the page says
 * the account does not allow the action on this content.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface RefusalMessage {
    String value();
}
