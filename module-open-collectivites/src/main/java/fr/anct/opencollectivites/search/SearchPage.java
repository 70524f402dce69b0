package fr.anct.opencollectivites.search;

import java.util.List;

/** One page of search results and how many collectivités match in all. */
public record SearchPage(long total, List<SearchHit> hits) {
}
