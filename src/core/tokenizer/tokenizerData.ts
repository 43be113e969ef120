// Reads the compact tables written by scripts/build-tokenizer-data.mjs. File layout:
//   "DSTK", u32 format, u32 header length, header JSON, then 4-byte-aligned sections the header
//   locates: mergePairs (u32 left,right per rank), classStarts (u32), classValues (u8).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const DATA_FILE_NAME = 'deepseek-v4.bin';
const FORMAT_VERSION = 1;

export interface TokenizerDataHeader {
  format: number;
  source: string;
  /** sha256 of the tokenizer.json the tables were built from. */
  sourceSha256: string;
  unicodeVersion: string;
  vocabSize: number;
  mergeCount: number;
  firstMergeId: number;
  byteIds: number[];
  /** [content, id, special, normalized] */
  addedTokens: Array<[string, number, boolean, boolean]>;
  preTokenizerSplits: string[];
  sections: Record<'mergePairs' | 'classStarts' | 'classValues', { offset: number; length: number }>;
}

export interface TokenizerData {
  header: TokenizerDataHeader;
  mergePairs: Uint32Array;
  classStarts: Uint32Array;
  classValues: Uint8Array;
  file: string;
}

export function readTokenizerData(file: string): TokenizerData {
  let buf = readFileSync(file);
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DSTK') throw new Error(`${file} is not DeepSeek tokenizer data`);
  const format = buf.readUInt32LE(4);
  if (format !== FORMAT_VERSION) throw new Error(`${file} has data format ${format}, expected ${FORMAT_VERSION}; rebuild it`);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + buf.readUInt32LE(8))) as TokenizerDataHeader;
  // Typed-array views need 4-byte alignment of the underlying memory.
  if (buf.byteOffset % 4 !== 0) buf = Buffer.from(buf);
  const u32 = (name: keyof TokenizerDataHeader['sections']): Uint32Array => {
    const { offset, length } = header.sections[name];
    const view = new Uint32Array(buf.buffer, buf.byteOffset + offset, length / 4);
    // The tables are little-endian; swap on the (unlikely) big-endian host.
    return littleEndian ? view : view.map((v) => ((v & 0xff) << 24 | (v & 0xff00) << 8 | (v >>> 8 & 0xff00) | v >>> 24) >>> 0);
  };
  const cv = header.sections.classValues;
  return {
    header,
    mergePairs: u32('mergePairs'),
    classStarts: u32('classStarts'),
    classValues: new Uint8Array(buf.buffer, buf.byteOffset + cv.offset, cv.length),
    file,
  };
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Where the data lives: `<bundle dir>/tokenizer` in a build. Running from sources (tests under
 * tsx) there is no bundle, so the same build script that esbuild.mjs runs writes the data into a
 * temp dir once; tests therefore load exactly the format that ships.
 */
export function resolveDataFile(dataDir?: string): string {
  if (dataDir !== undefined) return path.join(dataDir, DATA_FILE_NAME);
  // resolve(): some loaders (tsx importing from ESM) report a relative __dirname.
  const here = path.resolve(__dirname);
  const shipped = path.join(here, 'tokenizer', DATA_FILE_NAME);
  if (existsSync(shipped)) return shipped;
  const script = findBuildScript(here);
  if (!script) throw new Error(`DeepSeek tokenizer data not found at ${shipped}`);
  const outDir = path.join(tmpdir(), 'deepseek-cost-lens-tokenizer');
  const built = path.join(outDir, DATA_FILE_NAME);
  if (isUpToDate(built, script)) return built;
  const result = spawnSync(process.execPath, [script, outDir], { encoding: 'utf8', cwd: path.dirname(path.dirname(script)) });
  if (result.status !== 0) throw new Error(`building tokenizer data failed: ${result.stderr || result.error?.message}`);
  return built;
}

/** The build script's own freshness rule, checked here to spare a node start per load. */
function isUpToDate(built: string, script: string): boolean {
  if (!existsSync(built)) return false;
  const source = createRequire(script).resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json');
  const time = statSync(built).mtimeMs;
  return time > statSync(source).mtimeMs && time > statSync(script).mtimeMs;
}

function findBuildScript(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'scripts', 'build-tokenizer-data.mjs');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
