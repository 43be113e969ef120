// Public face of the DeepSeek tokenizer for the language server and CLI.
import { getDeepSeekTokenizer } from './deepseekTokenizer';

export {
  DeepSeekTokenizer,
  getDeepSeekTokenizer,
  loadDeepSeekTokenizer,
  type DeepSeekTokenizerInfo,
  type DeepSeekTokenizerOptions,
} from './deepseekTokenizer';
export { UnsupportedTokenizerError, tokenizerDataFromJson } from './tokenizerJson';
export { UserTokenizers, expandTokenizerPath, loadUserTokenizer, tokenizerFileFor, type UserTokenizerState } from './userTokenizers';

/** Exact DeepSeek-V4 token count of `text` (no BOS), using the lazily loaded shared tokenizer. */
export function countTokens(text: string): number {
  return getDeepSeekTokenizer().count(text);
}

/** Exact DeepSeek-V4 token ids of `text` (no BOS), using the lazily loaded shared tokenizer. */
export function encodeTokens(text: string): number[] {
  return getDeepSeekTokenizer().encode(text);
}
