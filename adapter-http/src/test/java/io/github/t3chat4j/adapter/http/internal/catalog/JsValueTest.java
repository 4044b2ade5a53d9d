package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsArray;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsBoolean;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsNumber;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsSet;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsString;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsUnknown.Kind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsValueTest {

    private final JsObject model = (JsObject) new JsLiteralParser("{id:\"x\",cost:{input:3/1e6},pro:!0,"
            + "tags:[\"a\"],features:new Set([\"b\"]),ref:y}", 0).readValue();

    @Test
    void readsTypedProperties() {
        assertThat(model.string("id")).contains("x");
        assertThat(model.object("cost").flatMap(c -> c.number("input"))).contains(new BigDecimal("0.000003"));
        assertThat(model.bool("pro")).contains(true);
        assertThat(model.elements("tags")).containsExactly(new JsString("a"));
        assertThat(model.elements("features")).containsExactly(new JsString("b"));
    }

    @Test
    void readsNothing_whenThePropertyHasAnotherType() {
        assertThat(model.string("pro")).isEmpty();
        assertThat(model.number("id")).isEmpty();
        assertThat(model.bool("ref")).isEmpty();
        assertThat(model.object("tags")).isEmpty();
        assertThat(model.elements("id")).isEmpty();
    }

    @Test
    void readsAMissingPropertyAsUndefined() {
        assertThat(model.has("missing")).isFalse();
        assertThat(model.get("missing")).isEqualTo(JsValue.UNDEFINED);
        assertThat(model.string("missing")).isEmpty();
    }

    @Test
    void keepsPropertiesInSourceOrder_andUnmodifiable() {
        Map<String, JsValue> properties = new LinkedHashMap<>();
        properties.put("z", JsBoolean.TRUE);
        properties.put("a", JsBoolean.FALSE);
        JsObject object = new JsObject(properties, List.of());
        properties.put("later", JsValue.NULL);

        assertThat(object.properties()).containsOnlyKeys("z", "a");
        assertThat(object.properties().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> object.properties().put("b", JsValue.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void makesEqualNumbersEqualRecords() {
        assertThat(new JsNumber(new BigDecimal("1.50"))).isEqualTo(new JsNumber(new BigDecimal("1.5")));
        assertThat(new JsNumber(new BigDecimal("1e3"))).isEqualTo(new JsNumber(new BigDecimal("1000")));
        assertThat(new JsNumber(new BigDecimal("20")).value().toString()).isEqualTo("20");
        assertThat(new JsNumber(new BigDecimal("1e999")).value().toString()).isEqualTo("1E+999");
    }

    @Test
    void keepsOnlyTheStartOfAnUnknownSource() {
        assertThat(new JsUnknown(Kind.CALL, "f(" + "x".repeat(200) + ")").source()).hasSize(JsUnknown.MAX_SOURCE);
    }

    @Test
    void comparesCollectionsByContent() {
        assertThat(new JsSet(List.of(new JsString("a")))).isEqualTo(new JsSet(List.of(new JsString("a"))));
        assertThat(new JsArray(List.of())).isNotEqualTo(new JsSet(List.of()));
        assertThat(JsBoolean.of(true)).isSameAs(JsBoolean.TRUE);
    }
}
