package fr.anct.opencollectivites.authoring.ui;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.publishing.ItemPath;

/**
 * What the author's repository session may do to an item, asked with {@code Session.hasPermission} on the
 * paths each action writes, so that the content form and the page editor draw only the buttons that
 * would succeed (the repository still decides):
 * <ul>
 * <li>edit (save, submit): set_property on the draft, or add_node + set_property where the draft is still
 * to be made (a new item; an item that exists only live, whose draft starts from the live copy);</li>
 * <li>publish: edit, and add_node + set_property on the live path and on the publication record;</li>
 * <li>unpublish: edit and the record, remove on the live item, when it is live;</li>
 * <li>reject: edit and the record (the draft's status is written on both);</li>
 * <li>schedule: the live path and the record.</li>
 * </ul>
 * Workflow states (reject only a submitted draft, submit a draft or a rejected one) are the callers'.
 */
record WorkflowActions(boolean live, boolean edit, boolean publish, boolean unpublish, boolean reject,
                       boolean schedule) {
    private static final String WRITE = Session.ACTION_ADD_NODE + "," + Session.ACTION_SET_PROPERTY;

    static WorkflowActions of(Session s, ItemPath item) throws RepositoryException {
        boolean edit = s.nodeExists(item.draftPath())
                ? s.hasPermission(item.draftPath(), Session.ACTION_SET_PROPERTY)
                : s.hasPermission(item.draftPath(), WRITE);
        boolean live = s.nodeExists(item.livePath());
        boolean liveWritable = s.hasPermission(item.livePath(), WRITE);
        boolean record = s.hasPermission(item.recordPath(), WRITE);
        return new WorkflowActions(live, edit, edit && liveWritable && record,
                live && edit && record && s.hasPermission(item.livePath(), Session.ACTION_REMOVE),
                edit && record, liveWritable && record);
    }
}
