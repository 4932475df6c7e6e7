/** A ```ts block of a markdown file. */
export interface Block {
  /** 1-based, in the order of the file. */
  readonly index: number;
  /** The line of the file the block's code starts on. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a markdown text, in order. */
export const tsBlocks = (markdown: string): Block[] => {
  const blocks: Block[] = [];
  let open: { line: number; code: string[] } | undefined;
  markdown.split('\n').forEach((text, i) => {
    if (open === undefined && text === '```ts') open = { line: i + 2, code: [] };
    else if (open !== undefined && text === '```') {
      blocks.push({ index: blocks.length + 1, line: open.line, code: open.code.join('\n') });
      open = undefined;
    } else open?.code.push(text);
  });
  return blocks;
};
