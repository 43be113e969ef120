// What a Markdown string renders to, read with marked (the parser VS Code renders hovers and
// tooltips with): every link and image target, every raw HTML piece, and the plain text.
import { lexer, type Token, type Tokens } from 'marked';

export interface MarkdownShape {
  links: string[];
  images: string[];
  html: string[];
  /** Table rows (header included) per table, and cells per row, in order. */
  tables: number[][];
  /** The rendered text, code spans included, without Markdown syntax. */
  text: string;
}

export function markdownShape(md: string): MarkdownShape {
  const shape: MarkdownShape = { links: [], images: [], html: [], tables: [], text: '' };
  const parts: string[] = [];
  const visit = (tokens: Token[] | undefined): void => {
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'link':
          shape.links.push((t as Tokens.Link).href);
          break;
        case 'image':
          shape.images.push((t as Tokens.Image).href);
          break;
        case 'html':
          shape.html.push(t.raw);
          break;
        case 'codespan':
          parts.push((t as Tokens.Codespan).text);
          break;
        case 'escape':
        case 'text':
          if (!('tokens' in t && t.tokens)) parts.push((t as Tokens.Text).text);
          break;
        case 'table': {
          const table = t as Tokens.Table;
          shape.tables.push([table.header.length, ...table.rows.map((r) => r.length)]);
          for (const cell of table.header) visit(cell.tokens);
          for (const row of table.rows) for (const cell of row) visit(cell.tokens);
          continue;
        }
        case 'list':
          for (const item of (t as Tokens.List).items) visit(item.tokens);
          continue;
      }
      if ('tokens' in t) visit(t.tokens as Token[]);
    }
  };
  visit(lexer(md));
  shape.text = parts.join('');
  return shape;
}
