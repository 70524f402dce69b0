package fr.anct.opencollectivites.search;

import java.util.LinkedHashSet;
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
        keyword(doc, IndexFields.ID, item.path());
        keyword(doc, IndexFields.TYPE, item.type().contentType());
        if (item.primaryCommune()) {
            keyword(doc, IndexFields.PRIMARY_COMMUNE, "1");
        }

        Set<String> codes = new LinkedHashSet<>();
        addCode(codes, hit.code());
        addCode(codes, item.siren());
        Set<String> codePrefixes = new LinkedHashSet<>();
        for (String code : codes) {
            keyword(doc, IndexFields.CODE, code);
            IndexFields.addPrefixes(codePrefixes, code, 2);
        }
        codePrefixes.forEach(prefix -> keyword(doc, IndexFields.CODE_PREFIX, prefix));
        Set<String> formerCodes = new LinkedHashSet<>();
        item.formerCodes().forEach(code -> addCode(formerCodes, code));
        formerCodes.forEach(code -> keyword(doc, IndexFields.FORMER_CODE, code));

        String folded = NameFolding.fold(hit.nom());
        Set<String> names = new LinkedHashSet<>();
        Set<String> namePrefixes = new LinkedHashSet<>();
        Set<String> wordPrefixes = new LinkedHashSet<>();
        addName(folded, names, namePrefixes, wordPrefixes);
        names.forEach(name -> keyword(doc, IndexFields.NAME, name));
        namePrefixes.forEach(prefix -> keyword(doc, IndexFields.NAME_PREFIX, prefix));
        wordPrefixes.forEach(prefix -> keyword(doc, IndexFields.WORD_PREFIX, prefix));

        Set<String> formerNames = new LinkedHashSet<>();
        Set<String> formerPrefixes = new LinkedHashSet<>();
        for (String formerName : item.formerNames()) {
            addName(NameFolding.fold(formerName), formerNames, formerPrefixes, formerPrefixes);
        }
        formerNames.forEach(name -> keyword(doc, IndexFields.FORMER_NAME, name));
        formerPrefixes.forEach(prefix -> keyword(doc, IndexFields.FORMER_NAME_PREFIX, prefix));

        doc.add(new NumericDocValuesField(IndexFields.SECONDARY, item.secondary() ? 1 : 0));
        doc.add(new NumericDocValuesField(IndexFields.POPULATION, hit.population() == null ? 0 : hit.population()));
        doc.add(new NumericDocValuesField(IndexFields.TYPE_ORDER, item.type().ordinal()));
        doc.add(new SortedDocValuesField(IndexFields.SORT_NAME, new BytesRef(folded)));
        doc.add(new BinaryDocValuesField(IndexFields.PAYLOAD, HitPayload.encode(hit)));
        return doc;
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

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
    }
}
