package fr.anct.opencollectivites.publications.catalogue;

import java.util.List;
import java.util.Map;

/** One page of the catalogue, in the delivery API's shape: {@code total}, {@code offset}, {@code limit}, {@code results}. */
public record CataloguePage(long total, int offset, int limit, List<Map<String, Object>> results) {
}
