package io.github.t3chat4j.domain.search;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.message.Role;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to look for in the stored conversations, parsed from the query language of
 * {@code t3 conversations search}:
 * <ul>
 *   <li>{@code maven shading}: messages holding every word (any case, any accents);</li>
 *   <li>{@code "shade plugin"}: the words one after the other; {@code shad*}: a word starting so;</li>
 *   <li>{@code -gradle}, {@code -"spring boot"}: conversations holding it anywhere are left out;</li>
 *   <li>{@code model:claude-4-sonnet} (or {@code model:claude*}): messages of that model, repeatable (any of them);</li>
 *   <li>{@code role:user}, {@code role:assistant}: messages of that author;</li>
 *   <li>{@code after:2026-11-05} (from that day's start on) and {@code before:2026-11} (earlier than the
 *       month's start): a date ({@code 2026-11-05}, {@code 2026-11}, {@code 2026}), a time
 *       ({@code 2026-11-05T14:30}, with or without an offset), {@code today}, {@code yesterday}, or an age
 *       ({@code 7d}, {@code 2w}, {@code 1y} ago).</li>
 * </ul>
 * Straight and typographic double quotes both work; a word with any other {@code name:} stays a word.
 * Immutable.
 *
 * @param text the query as typed
 * @param terms what every matching message holds
 * @param excluded what no matching conversation holds
 * @param models model ids a matching message was written with (a trailing {@code *} matches any id
 *     starting so); empty for any
 * @param roles the authors a matching message has; empty for any
 * @param after the earliest time of a matching message (inclusive)
 * @param before the time every matching message is earlier than (exclusive)
 */
public record SearchQuery(String text, List<SearchTerm> terms, List<SearchTerm> excluded, List<String> models,
        Set<Role> roles, Optional<Instant> after, Optional<Instant> before) {

    private static final Pattern AGE = Pattern.compile("(\\d{1,5})([dwy])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String OPENING_QUOTES = "\"\u201C\u201E";
    private static final String CLOSING_QUOTES = "\"\u201D\u201C";

    public SearchQuery {
        requireNonNull(text, "text == null");
        terms = List.copyOf(requireNonNull(terms, "terms == null"));
        excluded = List.copyOf(requireNonNull(excluded, "excluded == null"));
        models = List.copyOf(requireNonNull(models, "models == null"));
        roles = Set.copyOf(requireNonNull(roles, "roles == null"));
        requireNonNull(after, "after == null");
        requireNonNull(before, "before == null");
        for (String model : models) {
            if (model.isBlank() || model.equals("*")) {
                throw new IllegalArgumentException("A model filter needs a model id, such as model:claude-4-sonnet.");
            }
        }
    }

    /**
     * Parses {@code text}; dates are read in {@code zone}, ages counted back from {@code now}.
     *
     * @throws IllegalArgumentException saying what is wrong: nothing to search for, a bad date or role, a
     *     negated filter
     */
    public static SearchQuery parse(String text, ZoneId zone, Instant now) {
        requireNonNull(text, "text == null");
        requireNonNull(zone, "zone == null");
        requireNonNull(now, "now == null");
        Parser parser = new Parser(text, zone, now);
        parser.run();
        SearchQuery query = new SearchQuery(text.strip(), parser.terms, parser.excluded, parser.models, parser.roles,
                Optional.ofNullable(parser.after), Optional.ofNullable(parser.before));
        if (query.isEmpty()) {
            throw new IllegalArgumentException("Nothing to search for: give words, \"a phrase\", or a filter such as"
                    + " model:ID, role:user, after:2026-11-01.");
        }
        return query;
    }

    /** Whether the query names nothing to look for and no filter. */
    public boolean isEmpty() {
        return terms.isEmpty() && excluded.isEmpty() && models.isEmpty() && roles.isEmpty() && after.isEmpty()
                && before.isEmpty();
    }

    /** Splits the text into terms and filters. */
    private static final class Parser {
        private final String text;
        private final ZoneId zone;
        private final Instant now;
        private int at;
        private final List<SearchTerm> terms = new ArrayList<>();
        private final List<SearchTerm> excluded = new ArrayList<>();
        private final List<String> models = new ArrayList<>();
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private Instant after;
        private Instant before;

        Parser(String text, ZoneId zone, Instant now) {
            this.text = text;
            this.zone = zone;
            this.now = now;
        }

        void run() {
            while (true) {
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                if (at >= text.length()) {
                    return;
                }
                boolean negated = false;
                if (text.charAt(at) == '-' && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1))) {
                    negated = true;
                    at++;
                }
                if (OPENING_QUOTES.indexOf(text.charAt(at)) >= 0) {
                    String phrase = quoted();
                    boolean prefix = at < text.length() && text.charAt(at) == '*';
                    if (prefix) {
                        at++;
                    }
                    skipToSpace();
                    add(phrase, prefix, negated);
                } else {
                    word(readWord(), negated);
                }
            }
        }

        /** Reads a quoted run (the quote at {@code at}) up to its closing quote or the end. */
        private String quoted() {
            at++;
            int start = at;
            while (at < text.length() && CLOSING_QUOTES.indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String inside = text.substring(start, at);
            if (at < text.length()) {
                at++;
            }
            return inside;
        }

        private String readWord() {
            int start = at;
            skipToSpace();
            return text.substring(start, at);
        }

        private void skipToSpace() {
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private void word(String word, boolean negated) {
            int colon = word.indexOf(':');
            String key = colon > 0 ? word.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            if (key.equals("model") || key.equals("role") || key.equals("before") || key.equals("after")) {
                if (negated) {
                    throw new IllegalArgumentException("-" + key + ": is not supported: only words and phrases can be"
                            + " left out.");
                }
                String value = word.substring(colon + 1);
                if (value.isEmpty() && at < text.length() && OPENING_QUOTES.indexOf(text.charAt(at)) >= 0) {
                    value = quoted();
                    skipToSpace();
                } else if (!value.isEmpty() && OPENING_QUOTES.indexOf(value.charAt(0)) >= 0) {
                    value = value.substring(1, value.length() - (CLOSING_QUOTES.indexOf(
                            value.charAt(value.length() - 1)) >= 0 && value.length() > 1 ? 1 : 0));
                }
                filter(key, value.strip());
                return;
            }
            boolean prefix = word.length() > 1 && word.endsWith("*");
            add(prefix ? word.substring(0, word.length() - 1) : word, prefix, negated);
        }

        private void add(String words, boolean prefix, boolean negated) {
            if (words.isBlank()) {
                return;
            }
            SearchTerm term = prefix ? SearchTerm.prefix(words.strip()) : SearchTerm.words(words.strip());
            (negated ? excluded : terms).add(term);
        }

        private void filter(String key, String value) {
            switch (key) {
                case "model" -> models.add(value);
                case "role" -> roles.add(Role.parse(value));
                case "before" -> {
                    Instant time = time(key, value);
                    before = before == null || time.isBefore(before) ? time : before;
                }
                default -> {
                    Instant time = time(key, value);
                    after = after == null || time.isAfter(after) ? time : after;
                }
            }
        }

        /** The start of the day, month, year or time {@code value} names. */
        private Instant time(String key, String value) {
            String v = value.toLowerCase(Locale.ROOT);
            try {
                Matcher age = AGE.matcher(v);
                if (v.equals("today")) {
                    return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
                } else if (v.equals("yesterday")) {
                    return LocalDate.ofInstant(now, zone).minusDays(1).atStartOfDay(zone).toInstant();
                } else if (age.matches()) {
                    long n = Long.parseLong(age.group(1));
                    var local = now.atZone(zone);
                    return switch (age.group(2)) {
                        case "d" -> local.minusDays(n).toInstant();
                        case "w" -> local.minusWeeks(n).toInstant();
                        default -> local.minusYears(n).toInstant();
                    };
                } else if (YEAR.matcher(v).matches()) {
                    return LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay(zone).toInstant();
                } else if (MONTH.matcher(v).matches()) {
                    return YearMonth.parse(v).atDay(1).atStartOfDay(zone).toInstant();
                } else if (DAY.matcher(v).matches()) {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } else if (v.contains("t")) {
                    String upper = value.toUpperCase(Locale.ROOT);
                    if (upper.endsWith("Z") || upper.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                        return OffsetDateTime.parse(upper).toInstant();
                    }
                    return LocalDateTime.parse(upper).atZone(zone).toInstant();
                }
            } catch (DateTimeException e) {
                // reported below
            }
            throw new IllegalArgumentException(key + ": takes a date such as 2026-11-05, 2026-11, 2026,"
                    + " 2026-11-05T14:30, today, yesterday, or an age such as 7d, 2w or 1y; got '" + value + "'.");
        }
    }
}
