// The Lucene baseline of bench/relevance.sh: Lucene 8's defaults for English text,
// BM25Similarity (k1=1.2, b=0.75) and EnglishAnalyzer (standard tokenizer, possessives,
// lower case, its 33 stop-words, Porter stemmer), one field holding title + text, the
// classic QueryParser (default OR) on the query's words, the top 1000.
//   java -cp CLASSES:lucene-core.jar:lucene-analyzers-common.jar:lucene-queryparser.jar \
//       LuceneBaseline WORK/NAME [PASSES]
// reads WORK/NAME/lucene-docs.tsv (docno, title, text) and queries.tsv (id, words) as
// relevance-bench prepare writes them, and writes lucene.run (TREC run format),
// lucene.times (per query, the fastest of PASSES timed runs after a warm-up, in ms:
// parsing the query and collecting the top 1000) and lucene.version.
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneBaseline {
  private static final int DEPTH = 1000;

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LuceneBaseline WORK/NAME [PASSES]");
      System.exit(2);
    }
    final Path dir = Paths.get(args[0]);
    final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    final FSDirectory index = FSDirectory.open(dir.resolve("lucene"));

    final IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(index, config);
        BufferedReader in = Files.newBufferedReader(dir.resolve("lucene-docs.tsv"))) {
      for (String line; (line = in.readLine()) != null; ) {
        final String[] f = line.split("\t", -1);
        final Document doc = new Document();
        doc.add(new StringField("docno", f[0], Field.Store.YES));
        doc.add(new TextField("body", f[1] + "\n" + f[2], Field.Store.NO));
        writer.addDocument(doc);
      }
    }

    final List<String> ids = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.tsv"))) {
      for (String line; (line = in.readLine()) != null; ) {
        final int tab = line.indexOf('\t');
        ids.add(line.substring(0, tab));
        words.add(line.substring(tab + 1));
      }
    }

    try (DirectoryReader reader = DirectoryReader.open(index)) {
      final IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      final QueryParser parser = new QueryParser("body", analyzer);  // default operator OR
      final double[] fastest = new double[ids.size()];
      java.util.Arrays.fill(fastest, Double.MAX_VALUE);
      final TopDocs[] results = new TopDocs[ids.size()];
      for (int pass = 0; pass <= passes; ++pass) {  // pass 0 warms the JIT up
        for (int i = 0; i < ids.size(); ++i) {
          if (words.get(i).isEmpty()) continue;  // nothing to search: no line in the run
          final long start = System.nanoTime();
          final Query query = parser.parse(QueryParser.escape(words.get(i)));
          results[i] = searcher.search(query, DEPTH);
          final double ms = (System.nanoTime() - start) / 1e6;
          if (pass > 0) fastest[i] = Math.min(fastest[i], ms);
        }
      }
      try (PrintWriter run = new PrintWriter(Files.newBufferedWriter(dir.resolve("lucene.run")));
          PrintWriter times = new PrintWriter(Files.newBufferedWriter(dir.resolve("lucene.times")))) {
        for (int i = 0; i < ids.size(); ++i) {
          if (results[i] == null) continue;
          int rank = 0;
          for (ScoreDoc hit : results[i].scoreDocs) {
            final String docno = searcher.doc(hit.doc).get("docno");
            run.println(ids.get(i) + " Q0 " + docno + " " + (++rank) + " " + hit.score + " lucene");
          }
          times.println(ids.get(i) + " " + fastest[i]);
        }
      }
    }
    Files.write(dir.resolve("lucene.version"), (Version.LATEST.toString() + "\n").getBytes("UTF-8"));
  }
}
