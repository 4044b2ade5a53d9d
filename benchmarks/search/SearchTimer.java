import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.search.SearchPage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times searches inside one JVM through the library's use case (what t3 conversations search calls),
 * with the folders of the XDG variables: for each query, its first call in this JVM and the median of
 * the next RUNS calls (as in t3 chat or a program that searches again). Prints one line a query:
 * "QUERY<TAB>hits<TAB>first ms<TAB>median ms<TAB>notices".
 *
 * Usage: java -cp adapter-cli/target/t3.jar benchmarks/search/SearchTimer.java RUNS QUERY...
 */
public class SearchTimer {

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        LocalClient local = LocalClient.of(StorageAdapters.create(StorageConfig.fromEnvironment(System.getenv())));
        for (String query : Arrays.copyOfRange(args, 1, args.length)) {
            SearchConversationsQuery q = SearchConversationsQuery.of(query);
            long start = System.nanoTime();
            SearchPage page = local.searchConversations(q);
            double first = (System.nanoTime() - start) / 1e6;
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                local.searchConversations(q);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(times);
            double median = runs == 0 ? first : runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
            System.out.printf(Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%s%n", query, page.total(), first, median, page.notices());
        }
    }
}
