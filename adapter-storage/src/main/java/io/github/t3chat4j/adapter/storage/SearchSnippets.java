package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.search.SearchTerm;
import io.github.t3chat4j.domain.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a snippet around what a query matched in a text, with the matches highlighted: the window of
 * about {@value #LENGTH} characters holding the most different terms, started a little before its first
 * match, ends moved to spaces where there are some near, never inside a character, an accent or an
 * emoji sequence; whitespace runs become one space. Words are matched as {@link SearchText} reads them,
 * as the index does.
 */
final class SearchSnippets {

    static final int LENGTH = 160;
    private static final int LEAD = 40;
    private static final int SNAP = 20;
    private static final String ELLIPSIS = "…";

    private final List<List<String>> terms = new ArrayList<>();
    private final List<Boolean> prefixes = new ArrayList<>();

    /** Highlights the words of {@code terms}; a term without words (only punctuation) highlights nothing. */
    SearchSnippets(List<SearchTerm> terms) {
        for (SearchTerm term : terms) {
            List<String> words = SearchText.wordTexts(term.text());
            if (!words.isEmpty()) {
                this.terms.add(words);
                prefixes.add(term.kind() == SearchTerm.Kind.PREFIX);
            }
        }
    }

    /** A snippet of {@code text} around its matches, or empty when nothing matches in it. */
    Optional<Snippet> around(String text, Snippet.Source source) {
        List<SearchText.Word> words = SearchText.words(text);
        List<int[]> matches = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            find(words, terms.get(t), prefixes.get(t), t, matches);
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        matches.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        int anchor = densest(matches);
        int start = text.length() <= LENGTH ? 0 : startBefore(text, matches.get(anchor)[0]);
        int end = endAfter(text, start, matches);
        return Optional.of(build(text, start, end, merge(matches), source));
    }

    /** The beginning of {@code text} as a snippet without highlights (for a hit that matched by filters only). */
    static Snippet beginning(String text, Snippet.Source source) {
        int end = text.length() <= LENGTH ? text.length() : endAfter(text, 0, List.of());
        return build(text, 0, end, List.of(), source);
    }

    private static void find(List<SearchText.Word> words, List<String> term, boolean prefix, int id,
            List<int[]> matches) {
        int n = term.size();
        for (int i = 0; i + n <= words.size(); i++) {
            boolean match = true;
            for (int k = 0; k < n && match; k++) {
                String word = words.get(i + k).text();
                String wanted = term.get(k);
                match = prefix && k == n - 1 ? word.startsWith(wanted) : word.equals(wanted);
            }
            if (match) {
                matches.add(new int[] {words.get(i).start(), words.get(i + n - 1).end(), id});
            }
        }
    }

    /** The index of the match that starts the window with the most different terms (the first of equals). */
    private int densest(List<int[]> matches) {
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < matches.size(); i++) {
            boolean[] seen = new boolean[terms.size()];
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= matches.get(i)[0] + LENGTH - LEAD; j++) {
                if (!seen[matches.get(j)[2]]) {
                    seen[matches.get(j)[2]] = true;
                    count++;
                }
            }
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    /** A start a little before {@code match}: after a space when one is near, never inside a character. */
    private static int startBefore(String text, int match) {
        int start = Math.max(0, match - LEAD);
        if (start == 0) {
            return 0;
        }
        for (int i = start; i < match && i < start + SNAP; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return clusterStart(text, start, match);
    }

    /** An end about {@link #LENGTH} after {@code start}: before a space when one is near, never inside a character. */
    private static int endAfter(String text, int start, List<int[]> matches) {
        int end = Math.min(text.length(), start + LENGTH);
        if (end == text.length()) {
            return end;
        }
        int lastMatchEnd = start;
        for (int[] match : matches) {
            if (match[0] < end) {
                lastMatchEnd = Math.max(lastMatchEnd, Math.min(match[1], end));
            }
        }
        for (int i = end; i > lastMatchEnd && i > end - SNAP; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i - 1;
            }
        }
        return clusterEnd(text, end, lastMatchEnd);
    }

    /** Moves {@code i} forward (not past {@code limit}) off the inside of a character or emoji sequence. */
    private static int clusterStart(String text, int i, int limit) {
        while (i < limit && insideCluster(text, i)) {
            i++;
        }
        return i;
    }

    /** Moves {@code i} back (not before {@code limit}) off the inside of a character or emoji sequence. */
    private static int clusterEnd(String text, int i, int limit) {
        while (i > limit && insideCluster(text, i)) {
            i--;
        }
        return i;
    }

    /** Whether a cut before index {@code i} would split what is shown as one character. */
    static boolean insideCluster(String text, int i) {
        if (i <= 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        if (Character.isLowSurrogate(c) && Character.isHighSurrogate(before)) {
            return true;
        }
        int cp = text.codePointAt(i);
        int previous = text.codePointBefore(i);
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200D || previous == 0x200D // zero-width joiner sequences
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF // variation selectors
                || cp >= 0x1F3FB && cp <= 0x1F3FF // skin tones
                || cp >= 0xE0020 && cp <= 0xE007F // tag sequences (flags of regions)
                || isRegionalIndicator(cp) && isRegionalIndicator(previous) && oddIndicatorsBefore(text, i);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** Whether an odd number of regional indicators comes right before {@code i} (so {@code i} is inside a flag). */
    private static boolean oddIndicatorsBefore(String text, int i) {
        int count = 0;
        while (i > 0 && isRegionalIndicator(text.codePointBefore(i))) {
            count++;
            i -= 2;
        }
        return count % 2 == 1;
    }

    /** Merged, ordered ranges of the matches. */
    private static List<int[]> merge(List<int[]> sorted) {
        List<int[]> merged = new ArrayList<>();
        for (int[] match : sorted) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && match[0] <= last[1]) {
                last[1] = Math.max(last[1], match[1]);
            } else {
                merged.add(new int[] {match[0], match[1]});
            }
        }
        return merged;
    }

    /** {@code text[start, end)} on one line, with the ranges inside it highlighted and ellipses at cuts. */
    private static Snippet build(String text, int start, int end, List<int[]> ranges, Snippet.Source source) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start + 2);
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        List<Snippet.Range> highlights = new ArrayList<>();
        int r = 0;
        int openedAt = -1;
        boolean space = false;
        for (int i = start; i < end; i++) {
            while (r < ranges.size() && ranges.get(r)[1] <= i) {
                if (openedAt >= 0) {
                    highlights.add(new Snippet.Range(openedAt, out.length()));
                    openedAt = -1;
                }
                r++;
            }
            boolean inside = r < ranges.size() && ranges.get(r)[0] <= i;
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                space = true;
                continue;
            }
            if (space) {
                if (openedAt >= 0 && !inside) {
                    highlights.add(new Snippet.Range(openedAt, out.length()));
                    openedAt = -1;
                }
                out.append(' ');
                space = false;
            }
            if (inside && openedAt < 0) {
                openedAt = out.length();
            }
            out.append(c);
        }
        if (openedAt >= 0 && out.length() > openedAt) {
            highlights.add(new Snippet.Range(openedAt, out.length()));
        }
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return new Snippet(out.toString(), highlights, source);
    }
}
