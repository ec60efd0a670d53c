/** Text matched literally inside a RegExp built from it (a glossary term, a concept's label). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
