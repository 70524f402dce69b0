package fr.anct.opencollectivites.search;

import java.util.Iterator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Many keywords of one field as a single Lucene field: indexing tens of prefixes per document as one
 * token stream is several times cheaper than as as many {@code StringField}s, which matters to rebuilds.
 */
final class KeywordsField {
    private static final FieldType TYPE = new FieldType();

    static {
        TYPE.setIndexOptions(IndexOptions.DOCS);
        TYPE.setTokenized(true);
        TYPE.setOmitNorms(true);
        TYPE.freeze();
    }

    private KeywordsField() {
    }

    static Field of(String name, Iterable<String> keywords) {
        return new Field(name, new KeywordStream(keywords), TYPE);
    }

    private static final class KeywordStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Iterable<String> keywords;
        private Iterator<String> next;

        KeywordStream(Iterable<String> keywords) {
            this.keywords = keywords;
        }

        @Override
        public void reset() {
            next = keywords.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!next.hasNext()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }
    }
}
