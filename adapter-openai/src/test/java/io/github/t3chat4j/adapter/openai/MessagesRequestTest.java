package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolChoice;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import org.junit.jupiter.api.Test;

class MessagesRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MessagesRequest parse(String json) throws Exception {
        JsonNode body = JSON.readTree(json.replace('\'', '"'));
        return MessagesRequest.parse(body, false);
    }

    private static String body(String extra) {
        return "{'model':'claude-sonnet-4-5','max_tokens':100,'messages':[{'role':'user','content':'hi'}]" + extra + "}";
    }

    @Test
    void readsToolUseAndToolResults_errorsAndImagesInResultsIncluded() throws Exception {
        MessagesRequest request = parse("{'model':'m','messages':["
                + "{'role':'user','content':'Weather?'},"
                + "{'role':'assistant','content':[{'type':'thinking','thinking':'hmm','signature':'s'},"
                + "{'type':'text','text':'Looking.'},{'type':'tool_use','id':'toolu_1','name':'w','input':{'c':'P'}}]},"
                + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','is_error':true,"
                + "'content':[{'type':'text','text':'failed'},{'type':'image','source':{}}]},"
                + "{'type':'text','text':'Try again'}]}]}");

        assertThat(request.turns()).hasSize(4);
        Turn.Assistant assistant = (Turn.Assistant) request.turns().get(1);
        assertThat(assistant.text()).isEqualTo("Looking.");
        assertThat(assistant.calls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_1");
            assertThat(call.arguments().path("c").asText()).isEqualTo("P");
        });
        Turn.ToolResult result = (Turn.ToolResult) request.turns().get(2);
        assertThat(result.error()).isTrue();
        assertThat(result.content()).startsWith("failed").contains("an image was here");
        assertThat(request.turns().get(3)).isEqualTo(new Turn.User("Try again"));
    }

    @Test
    void joinsTheSystemBlocksAndSystemMessages_intoTheInstructions() throws Exception {
        MessagesRequest request = parse("{'model':'m','system':[{'type':'text','text':'Be brief.',"
                + "'cache_control':{'type':'ephemeral'}}],'messages':[{'role':'system','content':'Use French.'},"
                + "{'role':'user','content':'hi'}]}");

        assertThat(request.system()).isEqualTo("Be brief.\n\nUse French.");
        assertThat(request.turns()).containsExactly(new Turn.User("hi"));
    }

    @Test
    void mapsThinkingAndEffort_toT3ChatsReasoningEffort() throws Exception {
        assertThat(parse(body("")).effort()).isEqualTo(ReasoningEffort.LOW);
        assertThat(parse(body("")).showThinking()).isFalse();
        assertThat(parse(body(",'thinking':{'type':'enabled','budget_tokens':4000}")).effort())
                .isEqualTo(ReasoningEffort.LOW);
        assertThat(parse(body(",'thinking':{'type':'enabled','budget_tokens':10000}")).effort())
                .isEqualTo(ReasoningEffort.MEDIUM);
        assertThat(parse(body(",'thinking':{'type':'enabled','budget_tokens':31999}")).effort())
                .isEqualTo(ReasoningEffort.HIGH);
        assertThat(parse(body(",'thinking':{'type':'adaptive'}")).effort()).isEqualTo(ReasoningEffort.MEDIUM);
        assertThat(parse(body(",'thinking':{'type':'adaptive'},'output_config':{'effort':'xhigh'}")).effort())
                .isEqualTo(ReasoningEffort.HIGH);
        assertThat(parse(body(",'thinking':{'type':'adaptive'}")).showThinking()).isTrue();
        assertThat(parse(body(",'thinking':{'type':'adaptive','display':'omitted'}")).showThinking()).isFalse();
        assertThat(parse(body(",'thinking':{'type':'disabled'}")).showThinking()).isFalse();
    }

    @Test
    void readsTheToolChoice_parallelCalls_andTheWebSearchServerTool() throws Exception {
        MessagesRequest request = parse(body(",'tools':[{'name':'w','input_schema':{'type':'object'}},"
                + "{'type':'web_search_20250305','name':'web_search'}],"
                + "'tool_choice':{'type':'any','disable_parallel_tool_use':true}"));

        assertThat(request.tools()).singleElement().satisfies(tool -> assertThat(tool.name()).isEqualTo("w"));
        assertThat(request.choice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(request.parallelCalls()).isFalse();
        assertThat(request.search()).isTrue();
        assertThat(parse(body(",'tools':[{'name':'w'}],'tool_choice':{'type':'tool','name':'w'}")).choice())
                .isEqualTo(new ToolChoice.Named("w"));
    }

    @Test
    void refusesWhatItCannotPass_namingTheField() {
        assertThatThrownBy(() -> parse("{'model':'m','messages':[{'role':'user','content':[{'type':'image',"
                + "'source':{}}]}]}")).isInstanceOf(ApiErrorException.class).hasMessageContaining("messages.0.content.0");
        assertThatThrownBy(() -> parse("{'model':'m','messages':[{'role':'user','content':[]}]}"))
                .hasMessageContaining("messages.0.content: is empty");
        assertThatThrownBy(() -> parse(body(",'tools':[{'type':'computer_20250124','name':'computer'}]")))
                .hasMessageContaining("tools.0.type");
        assertThatThrownBy(() -> parse(body(",'thinking':{'type':'enabled'}")))
                .hasMessageContaining("thinking.budget_tokens");
        assertThatThrownBy(() -> parse(body(",'max_tokens':0").replace("'max_tokens':100,", "")))
                .hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> parse(body(",'mcp_servers':[{'type':'url','url':'https://x'}]")))
                .hasMessageContaining("mcp_servers");
        assertThatThrownBy(() -> parse("{'model':'m','messages':[{'role':'user','content':'hi'},"
                + "{'role':'assistant','content':'Sure'}]}").emulation())
                .hasMessageContaining("must end with the user's words");
    }
}
