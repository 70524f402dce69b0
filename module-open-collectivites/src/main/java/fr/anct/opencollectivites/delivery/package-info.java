/**
 * Generic delivery endpoints in the manner of Magnolia's v2 JCR delivery API, declared in
 * {@code restEndpoints/delivery/<name>.yaml} and served at {@code /.rest/delivery/<name>}.
 *
 * <ul>
 *   <li>{@code GET /.rest/delivery/<name>/<path>}: one node, {@code <path>} relative to the endpoint's
 *       {@code rootPath}; {@code …/<path>@nodes} (or {@code /<name>@nodes} for the root): its children as
 *       a JSON array, by name unless the parent's node type orders its children.</li>
 *   <li>{@code GET /.rest/delivery/<name>?…}: a query answering {@code {"total","offset","limit","results"}};
 *       {@code prop=v} or {@code prop[op]=v} with {@code op} in eq, ne, lt, lte, gt, gte, like ({@code %}),
 *       in and not-in ({@code a,b,c}), range ({@code a~b}, Magnolia's); {@code @name} (eq, in);
 *       {@code @ancestor=/communes/01}; {@code orderBy=nom asc,population desc} (also {@code @name},
 *       {@code @path}), always tie-broken by path; {@code offset}; {@code limit} (capped by {@code maxLimit});
 *       {@code q}: every word starts a word of one of the text properties, case and accents folded,
 *       looked up in {@link fr.anct.opencollectivites.delivery.DeliveryTextIndex} (never a scan of the
 *       nodes): at most 8 words and 2,000 matches (400 beyond), 503 while the index is being built.
 *       {@code lang} is accepted and ignored.</li>
 * </ul>
 * Node JSON: {@code @name}, {@code @path} (workspace-relative), {@code @id}, {@code @nodeType}, the
 * properties typed after the content type (numbers, booleans, ISO-8601 dates, arrays for multiple
 * values), {@code mgnl:*} dates when {@code includeSystemProperties}, children nested up to
 * {@code depth}, and {@code @nodes}: as in Magnolia, the names of the children nested in this answer
 * (empty at depth 0). A property listed in {@code references} is replaced by its target node (found by
 * its {@code code}), rendered flat; an unknown code stays a string.
 * <p>
 * Errors: {@code {"error":{"code","message"}}} with Magnolia's codes: 404 {@code pathNotFound},
 * 404 {@code notFound} (unknown endpoint), 400 {@code invalidQuery} (unknown property, operator or
 * parameter, bad orderBy, list or range, a {@code q} too long or too broad), 400 {@code invalidValueFormat}
 * (a value that is not of the property's type, a bad offset or limit), 503 {@code unavailable} (the
 * full-text index being built), 500 {@code unknown}; messages in French
 * ({@code i18n/delivery-messages_fr.properties}).
 * <p>
 * Caching: strong {@code ETag} (hash of the body), {@code Last-Modified} (latest
 * {@code mgnl:lastModified} shown), 304 on {@code If-None-Match} / {@code If-Modified-Since},
 * {@code Cache-Control: public, max-age=60} by default. A deletion does not move {@code Last-Modified};
 * the ETag changes and {@code max-age} bounds staleness.
 * <p>
 * Security: every request reads with the session of {@link fr.anct.opencollectivites.repository.SessionProvider}
 * (anonymous for the public), so the repository's ACLs hide drafts and system data whatever the query.
 * Queries are JCR-SQL2 with bind variables, restricted to the endpoint's node types and root so that Oak
 * answers from its nodetype and property indexes; a traversing plan is logged as a warning.
 */
package fr.anct.opencollectivites.delivery;
