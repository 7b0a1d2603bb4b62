package org.coachbot.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.coachbot.knowledge.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lexical retrieval with Lucene BM25 over an in-memory index of section titles, tags and bodies. Scores are
 * normalised to 0–1 so that one threshold fits short and long questions: the BM25 score is divided by what a
 * section would score if it held every query term once (in the field with the highest boost, at average length),
 * and that ratio {@code x} is mapped to {@code 1 - e^-x}, which keeps the order (no ties at a cap) and gives
 * 0.63 to a section that holds everything asked once.
 */
public final class Bm25Retriever implements Retriever {
    private static final String TITLE = "title";
    private static final String TAGS = "tags";
    private static final String BODY = "body";
    private static final String ORDINAL = "ordinal";
    /** Lucene's default BM25 term-frequency saturation; one occurrence scores {@code idf / (1 + k1)}. */
    private static final float K1 = 1.2f;

    private final List<Section> sections;
    private final Bm25Settings settings;
    private final QueryNormalizer normalizer;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;

    /** Indexes the sections; the index lives in memory and is never modified afterwards. */
    public Bm25Retriever(List<Section> sections, Bm25Settings settings, QueryNormalizer normalizer) {
        this.sections = List.copyOf(sections);
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer must not be null");
        this.analyzer = settings.analysis().newAnalyzer();
        this.searcher = new IndexSearcher(index());
        this.searcher.setSimilarity(new BM25Similarity(K1, 0.75f));
    }

    /** Indexes the sections with the default settings. */
    public Bm25Retriever(List<Section> sections) {
        this(sections, Bm25Settings.defaults(), new QueryNormalizer());
    }

    @Override
    public List<Hit> search(String query, int maxResults) {
        return rank(query, maxResults).stream().filter(h -> h.score() >= settings.minScore()).toList();
    }

    /** Every section that shares a term with the query, best first, without the relevance threshold. */
    public List<Hit> rank(String query, int maxResults) {
        return rankNormalized(normalizer.question(query), maxResults);
    }

    /** {@link #rank} for a query {@link QueryNormalizer#question} has already normalised. */
    List<Hit> rankNormalized(String query, int maxResults) {
        if (maxResults <= 0) {
            throw new IllegalArgumentException("maxResults must be > 0");
        }
        List<String> terms = terms(query);
        if (terms.isEmpty() || sections.isEmpty()) {
            return List.of();
        }
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            double best = 0;
            for (String term : terms) {
                best += addTerm(q, term);
            }
            ScoreDoc[] docs = searcher.search(q.build(), maxResults).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                int ordinal = searcher.storedFields().document(doc.doc).getField(ORDINAL).numericValue().intValue();
                hits.add(new Hit(sections.get(ordinal), 1 - Math.exp(-doc.score / best)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed for query " + query, e);
        }
    }

    /** Number of indexed sections. */
    public int size() {
        return sections.size();
    }

    /** Adds the term in every field and returns what one occurrence in the best field scores, for normalisation. */
    private double addTerm(BooleanQuery.Builder q, String term) throws IOException {
        double best = 0;
        best = Math.max(best, addField(q, TITLE, term, settings.titleBoost()));
        best = Math.max(best, addField(q, TAGS, term, settings.tagsBoost()));
        best = Math.max(best, addField(q, BODY, term, settings.bodyBoost()));
        return best;
    }

    private double addField(BooleanQuery.Builder q, String field, String term, float boost) throws IOException {
        if (boost == 0) {
            return 0;
        }
        Term t = new Term(field, term);
        q.add(new BoostQuery(new TermQuery(t), boost), BooleanClause.Occur.SHOULD);
        return boost * idf(searcher.getIndexReader(), t) / (1 + K1);
    }

    /** Lucene's BM25 idf; a term absent from the field gets the highest idf, so unknown words lower the score. */
    private static double idf(IndexReader reader, Term term) throws IOException {
        long docCount = Math.max(reader.getDocCount(term.field()), 1);
        long docFreq = reader.docFreq(term);
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    private List<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute attr = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(attr.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse query " + text, e);
        }
        return List.copyOf(out);
    }

    private IndexReader index() {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(K1, 0.75f));
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                Document doc = new Document();
                doc.add(new StoredField(ORDINAL, i));
                doc.add(new TextField(TITLE, normalizer.normalize(s.title()), Field.Store.NO));
                doc.add(new TextField(TAGS, normalizer.normalize(String.join(" ", s.tags())), Field.Store.NO));
                doc.add(new TextField(BODY, normalizer.normalize(s.prose().replace(Section.EDITORIAL_MARK, "")),
                        Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            return DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory BM25 index", e);
        }
    }
}
