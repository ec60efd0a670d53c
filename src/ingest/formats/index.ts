/**
 * Document formats by file extension (like LangChain's DirectoryLoader map): each turns a file's raw
 * text into blocks. Adding a format is one parser file and one line here.
 */
import type { Block } from '../blocks.js';
import { parseMarkdown } from './markdown.js';
import { parsePdfText } from './pdf-text.js';

export interface DocumentFormat {
  /** Recorded with the document; `text` is PDF-extracted plain text. */
  name: string;
  parse(raw: string): Block[];
}

const TEXT: DocumentFormat = { name: 'text', parse: parsePdfText };
const MARKDOWN: DocumentFormat = { name: 'markdown', parse: parseMarkdown };

const BY_EXTENSION = new Map<string, DocumentFormat>([
  ['.txt', TEXT],
  ['.md', MARKDOWN],
  ['.markdown', MARKDOWN],
]);

/** The format for a file name, or undefined when the corpus does not read that kind of file. */
export function formatFor(fileName: string): DocumentFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION.get(fileName.slice(dot).toLowerCase());
}

export const SUPPORTED_EXTENSIONS = [...BY_EXTENSION.keys()];
