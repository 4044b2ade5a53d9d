package io.github.t3chat4j.adapter.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Colours code one line at a time: keywords, strings, comments, numbers and constants, for the language
 * families of shell, Python, Java, JavaScript/TypeScript, JSON, SQL, Go, Rust and C. It is a small lexer,
 * not a parser; a block comment or multi-line string carries over from one line to the next, so a line
 * can be coloured as soon as it is complete and looks the same as in the finished block.
 */
final class Highlighter {

    static final Style KEYWORD = Style.PLAIN.withColour(Style.MAGENTA);
    static final Style STRING = Style.PLAIN.withColour(Style.GREEN);
    static final Style COMMENT = Style.PLAIN.withColour(Style.GREY).asItalic();
    static final Style NUMBER = Style.PLAIN.withColour(Style.YELLOW);
    static final Style CONSTANT = Style.PLAIN.withColour(Style.CYAN);
    static final Style KEY = Style.PLAIN.withColour(Style.BLUE);
    static final Style VARIABLE = Style.PLAIN.withColour(Style.RED);

    /** What one language family looks like to the lexer. */
    private record Language(Set<String> keywords, Set<String> constants, List<String> lineComments,
            String blockOpen, String blockClose, String quotes, List<String> multiLineQuotes,
            boolean caseInsensitive, boolean shellVariables, boolean jsonKeys) {
    }

    private static final Set<String> C_CONSTANTS = Set.of("true", "false", "null", "nil", "None", "True", "False",
            "undefined", "NaN", "this", "self", "super", "iota");

    private static final Language JAVA = new Language(words(
            "abstract assert boolean break byte case catch char class const continue default do double else enum"
            + " extends final finally float for goto if implements import instanceof int interface long native new"
            + " package private protected public return short static strictfp switch synchronized throw throws"
            + " transient try void volatile while var record sealed permits yield non-sealed"),
            C_CONSTANTS, List.of("//"), "/*", "*/", "\"'", List.of("\"\"\""), false, false, false);

    private static final Language JAVASCRIPT = new Language(words(
            "break case catch class const continue debugger default delete do else export extends finally for"
            + " function if import in instanceof let new return super switch throw try typeof var void while with"
            + " yield async await of static get set from as interface type enum implements private public"
            + " protected readonly declare namespace abstract keyof infer never unknown any string number boolean"),
            C_CONSTANTS, List.of("//"), "/*", "*/", "\"'", List.of("`"), false, false, false);

    private static final Language GO = new Language(words(
            "break case chan const continue default defer else fallthrough for func go goto if import interface"
            + " map package range return select struct switch type var string int int64 int32 uint byte rune"
            + " float64 bool error any"),
            C_CONSTANTS, List.of("//"), "/*", "*/", "\"'", List.of("`"), false, false, false);

    private static final Language RUST = new Language(words(
            "as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod"
            + " move mut pub ref return static struct super trait type unsafe use where while Self i8 i16 i32 i64"
            + " i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String Vec Option Result Some Ok Err"),
            Set.of("true", "false", "None", "self"), List.of("//"), "/*", "*/", "\"", List.of(), false, false, false);

    private static final Language C = new Language(words(
            "auto break case char const continue default do double else enum extern float for goto if inline int"
            + " long register return short signed sizeof static struct switch typedef union unsigned void volatile"
            + " while class namespace template typename public private protected virtual new delete using"
            + " include define ifdef ifndef endif pragma bool"),
            C_CONSTANTS, List.of("//"), "/*", "*/", "\"'", List.of(), false, false, false);

    private static final Language PYTHON = new Language(words(
            "and as assert async await break class continue def del elif else except finally for from global if"
            + " import in is lambda nonlocal not or pass raise return try while with yield match case print"),
            Set.of("True", "False", "None", "self", "cls"), List.of("#"), null, null, "\"'",
            List.of("\"\"\"", "'''"), false, false, false);

    private static final Language SHELL = new Language(words(
            "if then else elif fi case esac for select while until do done in function time return exit export"
            + " local readonly declare unset source alias echo cd set shift trap eval exec sudo"),
            Set.of("true", "false"), List.of("#"), null, null, "\"'", List.of(), false, true, false);

    private static final Language SQL = new Language(words(
            "select from where and or not insert into values update set delete create table drop alter add column"
            + " index primary key foreign references join inner left right outer full on as group by order having"
            + " limit offset distinct union all case when then else end is in between like exists view default"
            + " unique constraint asc desc count sum avg min max with returning begin commit rollback integer"
            + " int varchar text boolean timestamp date serial bigint"),
            Set.of("null", "true", "false"), List.of("--"), "/*", "*/", "'\"", List.of(), true, false, false);

    private static final Language JSON = new Language(Set.of(), Set.of("true", "false", "null"), List.of(),
            null, null, "\"", List.of(), false, false, true);

    private static final Map<String, Language> BY_NAME = Map.ofEntries(
            Map.entry("java", JAVA), Map.entry("kotlin", JAVA), Map.entry("kt", JAVA), Map.entry("scala", JAVA),
            Map.entry("groovy", JAVA), Map.entry("csharp", JAVA), Map.entry("cs", JAVA), Map.entry("c#", JAVA),
            Map.entry("javascript", JAVASCRIPT), Map.entry("js", JAVASCRIPT), Map.entry("jsx", JAVASCRIPT),
            Map.entry("mjs", JAVASCRIPT), Map.entry("typescript", JAVASCRIPT), Map.entry("ts", JAVASCRIPT),
            Map.entry("tsx", JAVASCRIPT), Map.entry("go", GO), Map.entry("golang", GO), Map.entry("rust", RUST),
            Map.entry("rs", RUST), Map.entry("c", C), Map.entry("cpp", C), Map.entry("c++", C), Map.entry("h", C),
            Map.entry("python", PYTHON), Map.entry("py", PYTHON), Map.entry("python3", PYTHON),
            Map.entry("sh", SHELL), Map.entry("bash", SHELL), Map.entry("shell", SHELL), Map.entry("zsh", SHELL),
            Map.entry("console", SHELL), Map.entry("shellscript", SHELL), Map.entry("sql", SQL),
            Map.entry("postgresql", SQL), Map.entry("mysql", SQL), Map.entry("sqlite", SQL), Map.entry("json", JSON),
            Map.entry("jsonc", JSON), Map.entry("json5", JSON));

    private final Language language;
    /** The delimiter that the previous line left open (a block comment's close or a string quote), or null. */
    private String open;
    private boolean openIsComment;

    private Highlighter(Language language) {
        this.language = language;
    }

    /** A highlighter for the language named by a fence's info string ({@code java}, {@code py}, …), if known. */
    static Optional<Highlighter> forLanguage(String info) {
        String name = info == null ? "" : info.strip().split("[\\s{,]", 2)[0].toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.get(name)).map(Highlighter::new);
    }

    /** The next line of the block (no line ending), coloured; state carries over to the following line. */
    List<Span> line(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = text.length();
        if (open != null) {
            int close = text.indexOf(open);
            int end = close < 0 ? n : close + open.length();
            spans.add(new Span(text.substring(0, end), openIsComment ? COMMENT : STRING));
            if (close >= 0) {
                open = null;
            }
            i = end;
        }
        while (i < n) {
            char c = text.charAt(i);
            String lineComment = startsAny(text, i, language.lineComments());
            if (lineComment != null && (!language.shellVariables() || i == 0 || text.charAt(i - 1) == ' ')) {
                flush(spans, plain);
                spans.add(new Span(text.substring(i), COMMENT));
                return spans;
            }
            if (language.blockOpen() != null && text.startsWith(language.blockOpen(), i)) {
                flush(spans, plain);
                int close = text.indexOf(language.blockClose(), i + language.blockOpen().length());
                int end = close < 0 ? n : close + language.blockClose().length();
                spans.add(new Span(text.substring(i, end), COMMENT));
                if (close < 0) {
                    open = language.blockClose();
                    openIsComment = true;
                }
                i = end;
                continue;
            }
            String multi = startsAny(text, i, language.multiLineQuotes());
            if (multi != null) {
                flush(spans, plain);
                int close = text.indexOf(multi, i + multi.length());
                int end = close < 0 ? n : close + multi.length();
                spans.add(new Span(text.substring(i, end), STRING));
                if (close < 0) {
                    open = multi;
                    openIsComment = false;
                }
                i = end;
                continue;
            }
            if (language.quotes().indexOf(c) >= 0) {
                flush(spans, plain);
                int end = stringEnd(text, i);
                Style style = STRING;
                if (language.jsonKeys() && text.substring(end).stripLeading().startsWith(":")) {
                    style = KEY;
                }
                spans.add(new Span(text.substring(i, end), style));
                i = end;
                continue;
            }
            if (language.shellVariables() && c == '$' && i + 1 < n
                    && (Character.isLetterOrDigit(text.charAt(i + 1)) || "{_?@#".indexOf(text.charAt(i + 1)) >= 0)) {
                flush(spans, plain);
                int end = i + 1;
                if (text.charAt(end) == '{') {
                    int close = text.indexOf('}', end);
                    end = close < 0 ? n : close + 1;
                } else {
                    end++;
                    while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                }
                spans.add(new Span(text.substring(i, end), VARIABLE));
                i = end;
                continue;
            }
            if (Character.isDigit(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                flush(spans, plain);
                int end = i + 1;
                while (end < n && (isWordChar(text.charAt(end)) || text.charAt(end) == '.'
                        && end + 1 < n && Character.isDigit(text.charAt(end + 1)))) {
                    end++;
                }
                spans.add(new Span(text.substring(i, end), NUMBER));
                i = end;
                continue;
            }
            if (isWordStart(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && (isWordChar(text.charAt(end)) || language.shellVariables() && text.charAt(end) == '-')) {
                    end++;
                }
                String word = text.substring(i, end);
                String key = language.caseInsensitive() ? word.toLowerCase(Locale.ROOT) : word;
                if (language.keywords().contains(key)) {
                    flush(spans, plain);
                    spans.add(new Span(word, KEYWORD));
                } else if (language.constants().contains(key)) {
                    flush(spans, plain);
                    spans.add(new Span(word, CONSTANT));
                } else {
                    plain.append(word);
                }
                i = end;
                continue;
            }
            plain.append(c);
            i++;
        }
        flush(spans, plain);
        return spans;
    }

    /** The index after the string that starts at {@code start}, honouring backslash escapes; the line end if unclosed. */
    private int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        boolean escapes = !(language.caseInsensitive() || language.shellVariables() && quote == '\'');
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && escapes) {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static String startsAny(String text, int at, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, at)) {
                return prefix;
            }
        }
        return null;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void flush(List<Span> spans, StringBuilder plain) {
        if (plain.length() > 0) {
            spans.add(new Span(plain.toString(), Style.PLAIN));
            plain.setLength(0);
        }
    }

    private static Set<String> words(String list) {
        return Set.of(list.split(" "));
    }
}
