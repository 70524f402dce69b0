/**
 * Search over the collectivités: one module-level Lucene 9 index, autocomplete, and its JSON API.
 *
 * <h2>Lifecycle</h2>
 * {@link fr.anct.opencollectivites.search.SearchIndex} is created after the repository bootstrap;
 * {@code start()} registers a JCR observation listener on {@code /collectivites} (a long-lived system
 * session; external cluster events are accepted) and then rebuilds from JCR-SQL2 queries per node
 * type, so no change is lost in between. Events are gathered for a debounce period and applied in one
 * batch from the current repository state (added folders are walked, removed paths delete their
 * subtree), then the searcher is refreshed. {@code close()} before the repository closes.
 *
 * <h2>Why no analyzer and no Lucene query at search time</h2>
 * Names are folded once in Java ({@link fr.anct.opencollectivites.search.NameFolding}: accents,
 * case, hyphens, apostrophes, St/Ste) on both sides, and indexed as keywords: the whole folded name,
 * its compact form, and every prefix up to 20 characters of the name and of each later word
 * ("edge n-grams"). A prefix lookup is therefore one term seek, whatever its length; longer prefixes
 * seek their first 20 characters and are confirmed on the folded names kept in a doc value.
 *
 * <h2>Why it stays fast when thousands match</h2>
 * Segments are index-sorted by kind, then by rank within a kind (COMD/COMA last, larger population,
 * name). A search ({@link fr.anct.opencollectivites.search.TieredSearch}) walks the match tiers best
 * first (exact code/SIREN, exact name, former code/name, name prefix, code prefix, word prefix, former
 * name prefix) and reads, per kind, only the first {@code limit} documents of each posting list: they
 * are the best ones. Only the total reads every match, by OR-ing posting lists into a bit set. Hits are
 * read from a binary doc value (no stored-field block decompression).
 *
 * <h2>Not handled yet</h2>
 * Postal codes: no content type has a postal code property; add the field to
 * {@link fr.anct.opencollectivites.search.CollectiviteDocuments} as a code when one exists. A renamed
 * département does not refresh the {@code departementNom} of its communes until the next rebuild.
 */
package fr.anct.opencollectivites.search;
