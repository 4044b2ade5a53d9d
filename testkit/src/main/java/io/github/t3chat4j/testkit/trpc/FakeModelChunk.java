package io.github.t3chat4j.testkit.trpc;

/**
 * JavaScript as t3.chat's bundler writes it: a minified chunk defining models with the tricks real
 * output uses (back-quoted strings, {@code !0}/{@code !1}, {@code x/1e6} prices, {@code new Set([...])},
 * nested provider objects, variable references, methods and arrow functions), surrounded by code
 * that is not a model, including a provider registry whose objects also start with <code>{id:</code>.
 *
 * <p>It defines six models: gemini-2.5-flash-lite, gemini-2.5-flash, claude-4-sonnet, gpt-image-1,
 * gpt-4o (legacy, succeeded by gpt-4.1) and kimi-k2.5.
 */
public final class FakeModelChunk {

    /** The chunk at {@link FakeTrpc#MODEL_CHUNK_PATH}. */
    public static final String JS = "import{j as Xe,r as Ge}from\"./index-Bx7f3k9a.js\";"
            + "const Hn=\"{id:broken\",Gn={id:\"anthropic\",name:\"Anthropic\",url:`https://anthropic.com`},"
            + "qt={id:\"google\",name:\"Google\",url:\"https://ai.google.dev\"},Wn={images:\"images\"},"
            + "Yt=Object.freeze({id:e=>e,name:t});function Zn(e){return{id:e.id,name:e.name}}"
            + "const Kn={\"gemini-2.5-flash-lite\":{id:`gemini-2.5-flash-lite`,name:`Gemini 2.5 Flash Lite`,"
            + "provider:`google`,developer:`Google`,shortDescription:`Fast and cheap`,"
            + "fullDescription:`Google's fastest \"lite\" model.\\nGreat for most tasks.`,"
            + "requiresPro:!1,premium:!1,disabled:!1,legacy:!1,cost:{input:.1/1e6,output:.4/1e6},"
            + "app:{maxInputTokens:1e6,maxOutputTokens:65536},features:new Set([`images`,`pdfs`,`search`]),"
            + "searchTags:[`fast`,`cheap`],addedOn:new Date(`2025-06-17`),knowledgeCutoffDate:`2025-01`},"
            + "\"gemini-2.5-flash\":{id:\"gemini-2.5-flash\",name:\"Gemini 2.5 Flash\","
            + "provider:{id:\"google\",name:\"Google\",icon:()=>Xe.jsx(\"svg\",{viewBox:\"0 0 24 24\"})},"
            + "developer:\"Google\",shortDescription:\"Fast, capable all-rounder\",requiresPro:!1,premium:!1,"
            + "disabled:!1,legacy:!1,cost:{input:0.3/1e6,output:2.5/1e6,cacheRead:0.075/1e6},"
            + "app:{maxInputTokens:1048576,maxOutputTokens:65536},"
            + "features:new Set([Wn.images,\"reasoning\",\"search\"]),getIcon(){return Ge.createElement(qt)},"
            + "addedOn:new Date(\"2025-06-17\")},"
            + "\"claude-4-sonnet\":{id:'claude-4-sonnet',name:'Claude 4 Sonnet',provider:'anthropic',developer:Gn,"
            + "shortDescription:'Anthropic\\'s balanced model',requiresPro:!0,premium:!0,disabled:!1,legacy:!1,"
            + "cost:{input:3/1e6,output:15/1e6,cacheRead:.3/1e6,cacheWrite:3.75/1e6},creditAmount:4,"
            + "app:{maxInputTokens:2e5,maxOutputTokens:64e3},features:new Set(['images','pdfs','reasoning']),"
            + "searchTags:['anthropic','sonnet'],knowledgeCutoffDate:'2025-03'},"
            + "\"gpt-image-1\":{id:`gpt-image-1`,name:`GPT ImageGen`,provider:`openai`,developer:`OpenAI`,"
            + "shortDescription:`Image generation`,requiresPro:!1,premium:!0,disabled:!1,legacy:!1,"
            + "cost:{input:5/1e6,output:40/1e6},features:new Set([`imageGeneration`]),"
            + "isImageModel:(e=>e!==null)(Hn)},"
            + "\"gpt-4o\":{id:\"gpt-4o\",name:\"GPT-4o\",provider:\"openai\",developer:\"OpenAI\",requiresPro:!1,"
            + "premium:!1,disabled:!1,legacy:!0,cost:{input:2.5/1e6,output:10/1e6},"
            + "features:new Set([\"images\"]),searchTags:[\"openai\",\"4o\"],retiredOn:\"2025-12-01\","
            + "succededBy:`gpt-4.1`},"
            + "\"kimi-k2.5\":{id:\"kimi-k2.5\",name:\"Kimi K2.5\",provider:\"moonshot\",developer:\"Moonshot AI\","
            + "shortDescription:`Moonshot's open model`,fullDescription:`Kimi ${Hn.length} from Moonshot`,"
            + "requiresPro:!1,premium:!1,disabled:!1,legacy:!1,cost:{input:.6/1e6,output:2.5/1e6},"
            + "features:new Set([\"reasoning\"]),...Yt}};"
            + "export{Kn as M,Gn as P};\n//# sourceMappingURL=models-C7d9QfXa.js.map\n";

    /** The entry chunk at {@link FakeTrpc#ENTRY_CHUNK_PATH}: code, but no model definitions. */
    public static final String ENTRY_JS = "(function(){const e=document.createElement(\"link\").relList;"
            + "if(e&&e.supports&&e.supports(\"modulepreload\"))return;for(const r of document.querySelectorAll("
            + "'link[rel=\"modulepreload\"]'))o(r);function o(r){if(r.ep)return;r.ep=!0;fetch(r.href)}})();"
            + "const Ye={id:\"root\",render:()=>null};export{Ye as r,Ye as j};\n";

    private FakeModelChunk() {
    }
}
