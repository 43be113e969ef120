import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type Catalog, catalogWithOverrides } from '../catalog';
import { type CliIO, UsageError } from './io';

/** Reads a catalog override file (same shape as the deepseekCost.catalogOverrides setting). */
export async function readOverrides(file: string, cwd: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(path.resolve(cwd, file), 'utf8'));
  } catch (err) {
    throw new UsageError(`--catalog ${file}: ${err instanceof SyntaxError ? `not valid JSON (${err.message})` : String(err)}`);
  }
}

/** The catalog a command runs with: the shipped one, with `--catalog FILE` merged over it when given. */
export async function catalogForOption(file: string | undefined, io: CliIO): Promise<Catalog> {
  const { catalog, errors } = catalogWithOverrides(file ? await readOverrides(file, io.cwd) : undefined);
  if (errors.length) throw new UsageError(errors.join('\n'));
  return catalog;
}
