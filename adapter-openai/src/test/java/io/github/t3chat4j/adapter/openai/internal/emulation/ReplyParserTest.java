package io.github.t3chat4j.adapter.openai.internal.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    private static final String CALL = "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>";

    /** Everything the parser gives for {@code pieces}, fed one after the other, adjacent text joined. */
    private static List<ReplyPart> parse(ReplyParser parser, String... pieces) {
        List<ReplyPart> parts = new ArrayList<>();
        for (String piece : pieces) {
            parts.addAll(parser.feed(piece));
        }
        parts.addAll(parser.finish());
        List<ReplyPart> joined = new ArrayList<>();
        for (ReplyPart part : parts) {
            int last = joined.size() - 1;
            if (part instanceof ReplyPart.Text next && last >= 0 && joined.get(last) instanceof ReplyPart.Text before) {
                joined.set(last, new ReplyPart.Text(before.text() + next.text()));
            } else {
                joined.add(part);
            }
        }
        return joined;
    }

    private static List<ReplyPart> parse(String... pieces) {
        return parse(ReplyParser.forCalls(), pieces);
    }

    private static void assertCall(ReplyPart part, String name, String arguments) {
        assertThat(part).isInstanceOf(ReplyPart.Call.class);
        ReplyPart.Call call = (ReplyPart.Call) part;
        assertThat(call.name()).isEqualTo(name);
        assertThat(call.arguments().toString()).isEqualTo(arguments);
    }

    @Test
    void findsACall_withTextBeforeAndAfter() {
        List<ReplyPart> parts = parse("Let me look that up. " + CALL + " Done.");

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).isEqualTo(new ReplyPart.Text("Let me look that up. "));
        assertCall(parts.get(1), "get_weather", "{\"city\":\"Paris\"}");
        assertThat(parts.get(2)).isEqualTo(new ReplyPart.Text(" Done."));
    }

    @Test
    void findsTheSameParts_whereverTheReplyIsSplit() {
        String reply = "Checking.\n" + CALL + "\n" + CALL.replace("Paris", "Oslo") + "\nbye";
        List<ReplyPart> whole = parse(reply);

        for (int cut = 0; cut <= reply.length(); cut++) {
            assertThat(parse(reply.substring(0, cut), reply.substring(cut))).as("cut at " + cut).isEqualTo(whole);
        }
        String[] characters = reply.split("");
        assertThat(parse(characters)).isEqualTo(whole);
        assertThat(whole).hasSize(5);
        assertCall(whole.get(3), "get_weather", "{\"city\":\"Oslo\"}");
    }

    @Test
    void givesTextOutAtOnce_butHoldsBackWhatMayStartATag() {
        ReplyParser parser = ReplyParser.forCalls();

        assertThat(parser.feed("Hello <tool_ca")).containsExactly(new ReplyPart.Text("Hello "));
        assertThat(parser.feed("lendar> is not a tag")).containsExactly(new ReplyPart.Text("<tool_calendar> is not a tag"));
        assertThat(parser.feed(" and 1 < 2, 3 <")).containsExactly(new ReplyPart.Text(" and 1 < 2, 3 "));
        assertThat(parser.finish()).containsExactly(new ReplyPart.Text("<"));
    }

    @Test
    void findsSeveralBlocks_backToBack() {
        List<ReplyPart> parts = parse(CALL + CALL.replace("get_weather", "get_time"));

        assertThat(parts).hasSize(2);
        assertCall(parts.get(0), "get_weather", "{\"city\":\"Paris\"}");
        assertCall(parts.get(1), "get_time", "{\"city\":\"Paris\"}");
    }

    @Test
    void reportsMalformedJsonInsideABlock_asMalformed_notAsText() {
        List<ReplyPart> parts = parse("Sure. <tool_call>{\"name\": \"get_weather\", \"arguments\": {city: Paris}}</tool_call>");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).isInstanceOfSatisfying(ReplyPart.Malformed.class,
                malformed -> assertThat(malformed.problem()).startsWith("its content is not valid JSON"));
    }

    @Test
    void reportsABlockWithoutName_orWithArgumentsThatAreNoObject() {
        assertThat(parse("<tool_call>{\"arguments\": {}}</tool_call>")).singleElement()
                .isInstanceOfSatisfying(ReplyPart.Malformed.class, m -> assertThat(m.problem()).contains("\"name\""));
        assertThat(parse("<tool_call>{\"name\": \"x\", \"arguments\": [1]}</tool_call>")).singleElement()
                .isInstanceOfSatisfying(ReplyPart.Malformed.class, m -> assertThat(m.problem()).contains("not a JSON object"));
        assertThat(parse("<tool_call>[{\"name\":\"a\"},{\"name\":\"b\"}]</tool_call>")).singleElement()
                .isInstanceOf(ReplyPart.Malformed.class);
    }

    @Test
    void readsArgumentsWrittenAsAString_parametersForArguments_andNoArgumentsAsEmpty() {
        assertCall(parse("<tool_call>{\"name\":\"x\",\"arguments\":\"{\\\"a\\\":1}\"}</tool_call>").get(0), "x", "{\"a\":1}");
        assertCall(parse("<tool_call>{\"name\":\"x\",\"parameters\":{\"a\":1}}</tool_call>").get(0), "x", "{\"a\":1}");
        assertCall(parse("<tool_call> {\"name\":\"x\"} </tool_call>").get(0), "x", "{}");
        assertCall(parse("<tool_call>[{\"name\":\"x\"}]</tool_call>").get(0), "x", "{}");
    }

    @Test
    void treatsABlockInACodeFence_asQuotedText() {
        String reply = "To call a tool, write:\n```xml\n" + CALL + "\n```\nThat is all.";

        assertThat(parse(reply)).containsExactly(new ReplyPart.Text(reply));
    }

    @Test
    void treatsABlockInATildeFence_orLongerFence_asText_untilTheMatchingFenceCloses() {
        String reply = "~~~~\n```\n" + CALL + "\n~~~\n" + CALL + "\n~~~~\n" + CALL;

        List<ReplyPart> parts = parse(reply);

        assertThat(parts).hasSize(2);
        assertThat(((ReplyPart.Text) parts.get(0)).text()).contains(CALL);
        assertCall(parts.get(1), "get_weather", "{\"city\":\"Paris\"}");
    }

    @Test
    void treatsABlockInInlineCode_asText() {
        String reply = "Write `" + CALL + "` to call it.";

        assertThat(parse(reply)).containsExactly(new ReplyPart.Text(reply));
    }

    @Test
    void findsACallAfterAClosedFence_splitAnywhere() {
        String reply = "```json\n{\"a\": 1}\n```\n" + CALL;

        for (int cut = 0; cut <= reply.length(); cut++) {
            List<ReplyPart> parts = parse(reply.substring(0, cut), reply.substring(cut));
            assertThat(parts).as("cut at " + cut).hasSize(2);
            assertCall(parts.get(1), "get_weather", "{\"city\":\"Paris\"}");
        }
    }

    @Test
    void endsABlockOnlyAtACloseTagOutsideJsonStrings() {
        String call = "<tool_call>{\"name\":\"write\",\"arguments\":{\"text\":\"a </tool_call> inside\"}}</tool_call>";

        List<ReplyPart> parts = parse(call + " after");

        assertCall(parts.get(0), "write", "{\"text\":\"a </tool_call> inside\"}");
        assertThat(parts.get(1)).isEqualTo(new ReplyPart.Text(" after"));
    }

    @Test
    void recoversFromAnUnbalancedQuote_atTheFirstCloseTag_andReadsOnAfterIt() {
        List<ReplyPart> parts = parse("<tool_call>{\"name\": \"x, \"arguments\": {}}</tool_call> then " + CALL);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).isInstanceOf(ReplyPart.Malformed.class);
        assertThat(parts.get(1)).isEqualTo(new ReplyPart.Text(" then "));
        assertCall(parts.get(2), "get_weather", "{\"city\":\"Paris\"}");
    }

    @Test
    void acceptsABlockNeverClosed_whenItsContentIsAWholeCall_andReportsItOtherwise() {
        assertCall(parse("<tool_call>{\"name\":\"x\",\"arguments\":{}}").get(0), "x", "{}");
        assertThat(parse("<tool_call>{\"name\":\"x\",\"argu")).singleElement()
                .isInstanceOfSatisfying(ReplyPart.Malformed.class, m -> assertThat(m.problem()).contains("not closed"));
    }

    @Test
    void seesOnlyText_whenCallsAreOff() {
        String reply = "a " + CALL + " b";

        assertThat(parse(ReplyParser.textOnly(), reply)).containsExactly(new ReplyPart.Text(reply));
    }
}
