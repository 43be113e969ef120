import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './io';

/** Reads a catalog override file (same shape as the deepseekCost.catalogOverrides setting). */
export async function readOverrides(file: string, cwd: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(path.resolve(cwd, file), 'utf8'));
  } catch (err) {
    throw new UsageError(`--catalog ${file}: ${err instanceof SyntaxError ? `not valid JSON (${err.message})` : String(err)}`);
  }
}
