// What a log file is, from its first bytes: text lines, a zstd stream the tailer decompresses
// (DeepSeek Harness sessions), claude-code-router v3's SQLite database, or another compressed or
// binary format it cannot read, named so the user knows what to do.
export type FileKind =
  | { kind: 'lines' }
  | { kind: 'zstd' }
  | { kind: 'sqlite' }
  | { kind: 'unsupported'; message: string };

const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

const COMPRESSED: { magic: number[]; name: string; tool: string }[] = [
  { magic: [0x1f, 0x8b], name: 'gzip', tool: 'gunzip' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz', tool: 'unxz' },
  { magic: [0x42, 0x5a, 0x68], name: 'bzip2', tool: 'bunzip2' },
  { magic: [0x04, 0x22, 0x4d, 0x18], name: 'lz4', tool: 'lz4 -d' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'zip', tool: 'unzip' },
];

function startsWith(head: Buffer, magic: ArrayLike<number>): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

export function fileKindOf(head: Buffer): FileKind {
  if (startsWith(head, ZSTD)) return { kind: 'zstd' };
  if (startsWith(head, SQLITE)) return { kind: 'sqlite' };
  for (const c of COMPRESSED) {
    if (startsWith(head, c.magic)) return { kind: 'unsupported', message: `compressed (${c.name}): decompress it (${c.tool}) or point at the uncompressed log` };
  }
  return { kind: 'lines' };
}
