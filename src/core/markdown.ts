// Writing text from files, logs and settings into Markdown. Hovers and the status-bar tooltip are
// Markdown, and the tooltip is trusted for this extension's commands: a model name such as
// x`` [r](command:…) `` must come out as the text it is, never as a link, an image, HTML or a new
// table row. Every helper here says where its output may go.

/** ASCII punctuation: CommonMark lets every one of these be backslash-escaped. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Line breaks would start a new block (a heading, a list, a table row); text is kept on one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/**
 * Plain text for a paragraph, a table cell or a link's label: every punctuation character escaped,
 * so no emphasis, link, image, autolink, HTML, entity or cell separator can form.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(PUNCTUATION, '\\$&');
}

/**
 * A code span holding exactly `text`. The fence is one backtick longer than the longest run inside;
 * a space pads text that starts or ends with a backtick (CommonMark strips one such space).
 * `inTable`: a pipe would still end a table cell inside a code span, so it is escaped there (GFM
 * removes that backslash in cells).
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  let body = oneLine(text);
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A link the product chose to show: the label escaped, the target already checked by the caller
 * (see `isShownUrl`), with the characters that would end a link destination percent-encoded. An
 * optional title (shown on hover) is made one line, its quotes and backslashes escaped: it may come
 * from a user's catalog override.
 */
export function markdownLink(label: string, url: string, title?: string): string {
  const target = url.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const quoted = title === undefined ? '' : ` "${title.replace(/\s+/g, ' ').replace(/["\\]/g, '\\$&')}"`;
  return `[${markdownText(label)}](${target}${quoted})`;
}

/**
 * Whether a catalog URL may be shown as a link: `https:` only, to a host the shipped catalog names
 * or the user typed in their own (not a workspace's) settings.
 */
export function isShownUrl(url: string, trustedHosts: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && !parsed.username && !parsed.password && trustedHosts.has(parsed.hostname.toLowerCase());
}

/** The hosts of the `https:` URLs in a table of catalog sources. */
export function hostsOf(sources: Record<string, { url: string }> | undefined): string[] {
  const hosts: string[] = [];
  for (const source of Object.values(sources ?? {})) {
    try {
      const u = new URL(source.url);
      if (u.protocol === 'https:') hosts.push(u.hostname.toLowerCase());
    } catch {
      // not a URL: no host to trust
    }
  }
  return hosts;
}
