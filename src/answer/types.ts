import type { Language } from '../text/language.js';

export interface Citation {
  marker: number;
  id: string;
  document: string;
  section: string;
  /** The passage text verbatim, as indexed. */
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface ChatAnswer {
  answer: string;
  answerable: boolean;
  citations: Citation[];
  mode: 'extractive' | 'llm';
  language: Language;
}
