export * from './types';
export { LineParser, type ParseEnv } from './lineParser';
export { LogTailer, type FileSink, type TailerOptions, type TailedFileInfo } from './tailer';
export { SpendLedger, emptyTotals, type SpendLedgerOptions, type AddOutcome } from './ledger';
export { UsageFollower, type UsageFollowerOptions } from './usageFollower';
export { expandHome, filesMatching, isGlobPattern } from './paths';
export { isValidTimeZone, machineTimeZone, zonedTimeToUtc, epochMsOf } from './time';
export { openAIUsageTokens, anthropicUsageTokens, type TokenSplit } from './tokens';
export { readClaudeBaseUrl, readClaudeBaseUrlSync } from './claudeSettings';
