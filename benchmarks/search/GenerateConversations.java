import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes COUNT conversations (default 10,000, about 100 MB of text) into DATA_FOLDER/conversations through
 * t3's own store (StorageAdapters: one JSON file each, written atomically), from a fixed seed, so every run
 * searches the same text: mostly English-like prose with a Zipf spread of words, code blocks, French and
 * German with accents, Japanese and Chinese sentences, emoji; four models; a message an hour from
 * 2025-01-01. Planted for the benchmark's queries: "kubernetes" in 1 conversation in 100, the phrase
 * "maven shade plugin" in 1 in 200, 東京 in 1 in 50.
 *
 * Usage (after mvn package): java -cp adapter-cli/target/t3.jar benchmarks/search/GenerateConversations.java DATA_FOLDER [COUNT]
 */
public class GenerateConversations {

    private static final String[] COMMON = ("the of and to a in is it you that he was for on are with as I his they be"
            + " at one have this from or had by not word but what some we can out other were all there when up use"
            + " your how said an each she which do their time if will way about many then them write would like so"
            + " these her long make thing see him two has look more day could go come did number sound no most people"
            + " my over know water than call first who may down side been now find any new work part take get place"
            + " made live where after back little only round man year came show every good me give our under name very"
            + " through just form sentence great think say help low line differ turn cause much mean before move right"
            + " boy old too same tell does set three want air well also play small end put home read hand port large"
            + " spell add even land here must big high such follow act why ask men change went light kind off need"
            + " house picture try us again animal point mother world near build self earth father head stand own page"
            + " should country found answer school grow study still learn plant cover food sun four between state keep"
            + " eye never last let thought city tree cross farm hard start might story saw far sea draw left late run"
            + " while press close night real life few north open seem together next white children begin got walk"
            + " example ease paper group always music those both mark often letter until mile river car feet care second"
            + " book carry took science eat room friend began idea fish mountain stop once base hear horse cut sure watch"
            + " color face wood main enough plain girl usual young ready above ever red list though feel talk bird soon"
            + " body dog family direct pose leave song measure door product black short numeral class wind question"
            + " happen complete ship area half rock order fire south problem piece told knew pass since top whole king"
            + " space heard best hour better true during hundred five remember step early hold west ground interest"
            + " reach fast verb sing listen six table travel less morning ten simple several vowel toward war lay against"
            + " pattern slow center love person money serve appear road map rain rule govern pull cold notice voice unit"
            + " power town fine certain fly fall lead cry dark machine note wait plan figure star box noun field rest"
            + " correct able pound done beauty drive stood contain front teach week final gave green oh quick develop"
            + " ocean warm free minute strong special mind behind clear tail produce fact street inch multiply nothing"
            + " course stay wheel full force blue object decide surface deep moon island foot system busy test record"
            + " boat common gold possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss"
            + " brought heat snow tire bring yes distant fill east paint language among").split(" ");
    private static final String[] TECH = ("java maven gradle docker python rust golang javascript typescript react"
            + " spring hibernate postgres mysql redis kafka linux bash git github compiler runtime thread memory cache"
            + " index query schema function method class interface module package dependency version release build"
            + " deploy server client request response stream buffer socket protocol parser token lexer syntax error"
            + " exception stack heap garbage collector benchmark latency throughput").split(" ");
    private static final String[] FOREIGN = {"Crème brûlée et café au lait, c'est déjà l'été à Noël.",
        "Über die Brücke läuft ein Mädchen mit großen Schuhen.", "¿Dónde está la estación? Mañana, señor.",
        "日本語の文章はスペースなしで書かれます。", "东京和北京都是很大的城市。", "今日は東京で会議があります。",
        "Привет, как дела? Всё хорошо.", "Ελληνικά γράμματα και λέξεις."};
    private static final String[] EMOJI = {"🚀", "👍", "😀", "👩‍💻", "🎉", "🇫🇷", "✅"};
    private static final String[] MODELS = {"claude-4-sonnet", "gpt-5", "gemini-2.5-flash", "deepseek-r1"};
    private static final String CODE = "```java\npublic static int add(int a, int b) {\n    return a + b; // sum\n}\n```";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        ConversationStorePort store = StorageAdapters.create(new StorageConfig(data)).conversationStore().orElseThrow();
        AtomicLong chars = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int c = 0; c < count; c++) {
            int n = c;
            pool.execute(() -> {
                Conversation conversation = conversation(n, new Random(42L * 1_000_003 + n));
                conversation.messages().forEach(m -> chars.addAndGet(m.text().length()));
                store.save(conversation);
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println(count + " conversations, " + chars.get() + " characters of text");
    }

    private static Conversation conversation(int n, Random random) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * n);
        String model = MODELS[n % MODELS.length];
        ThreadId id = ThreadId.of(new UUID(0x7E57L << 48 | n, random.nextLong()).toString());
        List<Message> messages = new ArrayList<>();
        int turns = 2 + random.nextInt(6);
        for (int t = 0; t < turns * 2; t++) {
            boolean user = t % 2 == 0;
            StringBuilder text = new StringBuilder();
            int length = user ? 60 + random.nextInt(300) : 600 + random.nextInt(2600);
            while (text.length() < length) {
                sentence(text, random);
                if (!user && random.nextInt(40) == 0) {
                    text.append("\n\n").append(CODE).append("\n\n");
                }
                if (random.nextInt(25) == 0) {
                    text.append(FOREIGN[random.nextInt(FOREIGN.length)]).append(' ');
                }
            }
            if (t == 0 && n % 100 == 7) {
                text.append(" How do I run this on Kubernetes?");
            }
            if (t == 1 && n % 200 == 3) {
                text.append(" Use the Maven Shade Plugin and relocate the packages.");
            }
            if (t == 1 && n % 50 == 11) {
                text.append(" 東京タワーは東京の名所です。");
            }
            Message.Builder m = Message.builder(user ? Role.USER : Role.ASSISTANT)
                    .id(MessageId.of(id.value() + "-" + t)).text(text.toString().strip())
                    .createdAt(start.plusSeconds(20L * t));
            if (!user) {
                m.model(ModelId.of(model));
            }
            messages.add(m.build());
        }
        Instant end = start.plusSeconds(20L * (messages.size() - 1));
        return Conversation.builder(id).title(Conversation.titleFrom(messages.get(0).text())).model(ModelId.of(model))
                .settings(ChatSettings.defaults()).messages(messages).createdAt(start).updatedAt(end).build();
    }

    private static void sentence(StringBuilder text, Random random) {
        int words = 5 + random.nextInt(14);
        for (int w = 0; w < words; w++) {
            String word = random.nextInt(8) == 0 ? TECH[random.nextInt(TECH.length)] : COMMON[zipf(random, COMMON.length)];
            text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (random.nextInt(300) == 0) {
                text.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
            }
            text.append(w == words - 1 ? ". " : random.nextInt(12) == 0 ? ", " : " ");
        }
    }

    /** A rank in [0, size) with a Zipf-like spread: the first words are by far the most frequent. */
    private static int zipf(Random random, int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(size + 1, random.nextDouble())) - 1);
    }
}
