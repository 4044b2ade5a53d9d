package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.adapter.http.internal.catalog.JsLiteralParser.ParseFailure;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsArray;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsMap;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsSet;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the JavaScript literal parser arbitrary source. Documented outcome: a {@link JsValue} or a
 * {@link ParseFailure}, nothing else (no stack overflow, no arithmetic blow-up); the parser stops
 * inside the text; and the value is not much bigger than the text, so no source makes it allocate
 * hugely.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsLiteralParserFuzzTest {

    /** Spreads may copy what a text declares several times over, but only within a budget. */
    private static final long MAX_SLOTS_PER_CHAR = 64;
    private static final long SLOT_ALLOWANCE = 1 << 20;

    @FuzzTest
    void readsAnyValue_orFailsToParse(byte[] input) {
        String js = new String(input, StandardCharsets.UTF_8);
        JsLiteralParser parser = new JsLiteralParser(js, 0);

        JsValue value;
        try {
            value = parser.readValue();
        } catch (ParseFailure documented) {
            return;
        }

        assertThat(value).isNotNull();
        assertThat(parser.position()).isBetween(0, js.length());
        assertThat(slots(value)).isLessThanOrEqualTo(MAX_SLOTS_PER_CHAR * js.length() + SLOT_ALLOWANCE);
    }

    /**
     * The memory a value takes, in references: one per value, plus one per element, property or entry
     * of each distinct container. Shared containers count once, as they are stored once. Iterative, so
     * depth costs no stack.
     */
    static long slots(JsValue root) {
        long count = 0;
        Set<JsValue> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<JsValue> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsValue value = pending.pop();
            count++;
            if (!seen.add(value)) {
                continue;
            }
            if (value instanceof JsObject o) {
                o.properties().values().forEach(pending::push);
                count += o.unresolved().size();
            } else if (value instanceof JsArray a) {
                a.elements().forEach(pending::push);
            } else if (value instanceof JsSet s) {
                s.elements().forEach(pending::push);
            } else if (value instanceof JsMap m) {
                m.entries().forEach((k, v) -> {
                    pending.push(k);
                    pending.push(v);
                });
            } else if (value instanceof JsUnknown u) {
                assertThat(u.source().length()).isLessThanOrEqualTo(JsUnknown.MAX_SOURCE);
            }
        }
        return count;
    }
}
