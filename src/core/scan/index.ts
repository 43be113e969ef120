// Public API of the source scanner. Offsets everywhere are UTF-16 code units (LSP / VS Code).
//
//   const doc = await ParsedDocument.create(scanLanguageFor(languageId, fileName), text);
//   doc.modelIdLiterals((id) => catalogHas(id));   // retired-model diagnostics
//   doc.promptAt(offset);                            // hover cost estimate
//   doc.update(newText, changes);                    // LSP incremental sync
//   doc.dispose();
export type { ModelIdLiteral, PromptLiteral, ScanLanguage, ScanOptions, StringLiteral } from './types';
export type { TextChange, IsModelId } from './scanner';
export type { CallSite, CallMessage, MessageRole } from './calls';
export { ParsedDocument, DEFAULT_SCAN_OPTIONS } from './document';
export { scanLanguageFor } from './language';
export { mentionsModelId } from './ids';
