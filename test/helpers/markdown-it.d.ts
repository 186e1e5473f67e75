/** The part of markdown-it (a dependency of @vscode/vsce) the tests use to render drafts as a preview would. */
declare module 'markdown-it' {
  interface Token {
    type: string;
    attrs: [string, string][] | null;
    content: string;
    children: Token[] | null;
  }
  class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    parse(src: string, env: object): Token[];
    render(src: string): string;
    linkify: { set(options: { fuzzyLink?: boolean }): void };
  }
  export default MarkdownIt;
}
