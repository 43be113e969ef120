// The exact text that turns DeepSeek's thinking off in each SDK form: inserted by the fixes
// (thinking.ts) and quoted in the advice beside a finding, so the two always agree. Plain strings,
// no parser, so hovers and the CLI's messages can use them without loading tree-sitter.

// Python: the OpenAI SDK and LangChain's BaseChatOpenAI (ChatDeepSeek, ChatOpenAI) send `extra_body`
// as extra JSON properties of the request (OpenAI Python README "Undocumented request params";
// LangChain reference for BaseChatOpenAI.extra_body).
export const PY_EXTRA_BODY = 'extra_body={"thinking": {"type": "disabled"}}';
export const PY_THINKING_PAIR = '"thinking": {"type": "disabled"}';
// LiteLLM takes DeepSeek's `thinking` as a completion() parameter (docs.litellm.ai, providers/deepseek),
// and a proxy's litellm_params are completion() parameters.
export const LITELLM_KWARG = 'thinking={"type": "disabled"}';
export const YAML_THINKING = 'thinking: {"type": "disabled"}';
// OpenAI Node SDK: extra body properties go in the params object; its README marks them with
// `// @ts-expect-error` because the typings do not list them.
export const JS_THINKING = "thinking: { type: 'disabled' }";
export const TS_EXPECT_ERROR = "// @ts-expect-error DeepSeek's thinking parameter is not in the OpenAI SDK's types";
// LangChain JS ChatOpenAI: `modelKwargs` are merged into every request body.
export const JS_MODEL_KWARGS = "modelKwargs: { thinking: { type: 'disabled' } }";
// @ai-sdk/deepseek: providerOptions.deepseek.thinking ({ type: 'enabled' | 'disabled' }), from its
// deepseekLanguageModelOptions schema.
export const AI_SDK_PROVIDER_OPTIONS = "providerOptions: { deepseek: { thinking: { type: 'disabled' } } }";
export const AI_SDK_DEEPSEEK = "deepseek: { thinking: { type: 'disabled' } }";
export const JSON_THINKING = '"thinking": {"type": "disabled"}';

/**
 * How a file in this grammar usually turns thinking off, for the advice beside a finding when no
 * call form was recognised: the same constants the fixes insert, so the advice and the edit agree.
 */
export function thinkingOffAdvice(grammar: string | undefined): string | undefined {
  switch (grammar) {
    case 'python': return `In Python (OpenAI SDK, LangChain) pass ${PY_EXTRA_BODY}; with LiteLLM pass ${LITELLM_KWARG}`;
    case 'typescript': case 'tsx': case 'javascript': return `In JavaScript or TypeScript (OpenAI SDK) add ${JS_THINKING} to the request; with the AI SDK use ${AI_SDK_PROVIDER_OPTIONS}`;
    case 'yaml': return `In a LiteLLM proxy config add ${YAML_THINKING} to the model's litellm_params`;
    case 'json': return `In a JSON request body add ${JSON_THINKING}`;
    default: return undefined;
  }
}
