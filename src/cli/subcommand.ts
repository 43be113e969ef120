// The one preamble of every subcommand: parse the options strictly (with -h/--help), print the
// usage on --help, and turn bad usage (an unknown option, a UsageError) into its message on stderr
// and exit status 2, so each command only says what it does.
import { parseArgs } from 'node:util';
import { type CliIO, UsageError } from './io';

type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean | string[] | boolean[] }>;
type Config<O extends OptionSpecs> = { args: string[]; allowPositionals: true; strict: true; options: O & { help: { type: 'boolean'; short: 'h' } } };
export type Parsed<O extends OptionSpecs> = ReturnType<typeof parseArgs<Config<O>>>;

export interface SubcommandSpec<O extends OptionSpecs, IO extends CliIO> {
  /** As typed after `deepseek-cost`, for messages ("deepseek-cost spend: …"). */
  name: string;
  usage: string;
  options: O;
  run(parsed: Parsed<O>, io: IO): Promise<number>;
}

export function isUsageError(err: unknown): boolean {
  return err instanceof UsageError || !!(err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
}

export function subcommand<const O extends OptionSpecs, IO extends CliIO = CliIO>(spec: SubcommandSpec<O, IO>): (argv: string[], io: IO) => Promise<number> {
  return async (argv, io) => {
    try {
      const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...spec.options, help: { type: 'boolean', short: 'h' } } } as Config<O>);
      if ((parsed.values as { help?: boolean }).help) {
        io.stdout(`${spec.usage}\n`);
        return 0;
      }
      return await spec.run(parsed, io);
    } catch (err) {
      if (!isUsageError(err)) throw err;
      io.stderr(`deepseek-cost ${spec.name}: ${(err as Error).message}\n`);
      return 2;
    }
  };
}
