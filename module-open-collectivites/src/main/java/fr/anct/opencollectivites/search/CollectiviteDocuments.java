package fr.anct.opencollectivites.search;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** Turns an {@link IndexedCollectivite} into its Lucene document (see {@link IndexFields}). */
final class CollectiviteDocuments {
    private CollectiviteDocuments() {
    }

    static Document toDocument(IndexedCollectivite item) {
        Document doc = new Document();
        SearchHit hit = item.hit();
        doc.add(new StringField(IndexFields.ID, item.path(), Field.Store.NO));

        Set<String> codes = new LinkedHashSet<>();
        addCode(codes, hit.code());
        addCode(codes, item.siren());
        Set<String> codePrefixes = new LinkedHashSet<>();
        for (String code : codes) {
            IndexFields.addPrefixes(codePrefixes, code, 2);
        }
        Set<String> formerCodes = new LinkedHashSet<>();
        item.formerCodes().forEach(code -> addCode(formerCodes, code));
        keywords(doc, IndexFields.CODE, codes);
        keywords(doc, IndexFields.CODE_PREFIX, codePrefixes);
        keywords(doc, IndexFields.FORMER_CODE, formerCodes);
        Set<String> postalCodes = new LinkedHashSet<>();
        item.postalCodes().forEach(code -> addCode(postalCodes, code));
        keywords(doc, IndexFields.POSTAL_CODE, postalCodes);

        String folded = NameFolding.fold(hit.nom());
        Set<String> names = new LinkedHashSet<>();
        Set<String> namePrefixes = new LinkedHashSet<>();
        Set<String> wordPrefixes = new LinkedHashSet<>();
        addName(folded, names, namePrefixes, wordPrefixes);
        keywords(doc, IndexFields.NAME, names);
        keywords(doc, IndexFields.NAME_PREFIX, namePrefixes);
        keywords(doc, IndexFields.WORD_PREFIX, wordPrefixes);

        StringBuilder allNames = new StringBuilder(folded);
        Set<String> formerNames = new LinkedHashSet<>();
        Set<String> formerPrefixes = new LinkedHashSet<>();
        for (String formerName : item.formerNames()) {
            String formerFolded = NameFolding.fold(formerName);
            addName(formerFolded, formerNames, formerPrefixes, formerPrefixes);
            allNames.append('\n').append(formerFolded);
        }
        keywords(doc, IndexFields.FORMER_NAME, formerNames);
        keywords(doc, IndexFields.FORMER_NAME_PREFIX, formerPrefixes);

        doc.add(new NumericDocValuesField(IndexFields.TYPE_ORDER, item.type().ordinal()));
        doc.add(new NumericDocValuesField(IndexFields.SECONDARY, item.secondary() ? 1 : 0));
        doc.add(new NumericDocValuesField(IndexFields.POPULATION, hit.population() == null ? 0 : hit.population()));
        doc.add(new SortedDocValuesField(IndexFields.SORT_NAME, new BytesRef(folded)));
        doc.add(new BinaryDocValuesField(IndexFields.PAYLOAD, HitPayload.encode(hit)));
        doc.add(new BinaryDocValuesField(IndexFields.NAMES, new BytesRef(allNames.toString().getBytes(StandardCharsets.UTF_8))));
        return doc;
    }

    /** The searchable names of a document, as stored in {@link IndexFields#NAMES}: current first. */
    static List<String> names(BytesRef stored) {
        return List.of(stored.utf8ToString().split("\n", -1));
    }

    private static void addName(String folded, Set<String> names, Set<String> prefixes, Set<String> wordPrefixes) {
        if (folded.isEmpty()) {
            return;
        }
        String compact = NameFolding.compact(folded);
        names.add(folded);
        names.add(compact);
        IndexFields.addPrefixes(prefixes, folded, 1);
        IndexFields.addPrefixes(prefixes, compact, 1);
        for (String suffix : IndexFields.laterWordSuffixes(folded)) {
            IndexFields.addPrefixes(wordPrefixes, suffix, 1);
        }
    }

    private static void addCode(Set<String> codes, String code) {
        if (code != null && !code.isBlank()) {
            codes.add(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    private static void keywords(Document doc, String field, Set<String> values) {
        if (!values.isEmpty()) {
            doc.add(KeywordsField.of(field, values));
        }
    }
}
