// The words of each section that a kind's reports hold: those that stand in its text more
// or less often than in the rest of its kind's reports, each with the log of how much.
// Counted over the published documents by `npm run corpus -- --write` into
// section-words.json (a test keeps it true of them), and read by the insert-heading fix,
// which looks for where a section's lost text begins.
import table from './section-words.json';

/** By kind, then by `part/id` of the expected section: word → weight. */
export type SectionWords = Record<string, Record<string, Record<string, number>>>;

export interface WordCounts {
  /** How often each word stands in the text. */
  readonly words: Map<string, number>;
  /** In how many documents' text each word stands. */
  readonly documents: Map<string, number>;
  total: number;
}

// A word in fewer documents than this names a place or a person, not a section.
const fewestDocuments = 3;
// The words kept for a section: enough to read any of its paragraphs, few enough to ship.
const mostWords = 300;
// How many words of the kind's a section's shares lean on (see weigh).
const smoothing = 2000;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]{3,}/g) ?? [];
}

export function emptyCounts(): WordCounts {
  return { words: new Map(), documents: new Map(), total: 0 };
}

/** Adds one document's text to the counts. */
export function addText(counts: WordCounts, text: string): void {
  const seen = new Set<string>();
  for (const word of wordsOf(text)) {
    counts.words.set(word, (counts.words.get(word) ?? 0) + 1);
    counts.total++;
    if (!seen.has(word)) counts.documents.set(word, (counts.documents.get(word) ?? 0) + 1);
    seen.add(word);
  }
}

/**
 * A section's words against all its kind's text: the log of the ratio of their shares.
 * Words it uses less than the rest of its kind count as much as those it uses more: a
 * list of what to improve has few of the verbs that a narrative is made of.
 */
export function weigh(section: WordCounts, kind: WordCounts): Record<string, number> {
  const vocabulary = kind.words.size;
  const kindShare = (word: string) => ((kind.words.get(word) ?? 0) + 1) / (kind.total + vocabulary);
  // A short section's counts say little of a word it happens not to use: its share leans
  // to the kind's, by as many words as a long section has (Dirichlet smoothing).
  const sectionShare = (word: string) => ((section.words.get(word) ?? 0) + smoothing * kindShare(word)) / (section.total + smoothing);
  const expected = (word: string) => Math.max(section.words.get(word) ?? 0, (kind.words.get(word) ?? 0) * (section.total / kind.total));
  const weighed = [...kind.words.keys()]
    .filter((word) => (kind.documents.get(word) ?? 0) >= fewestDocuments)
    .map((word) => ({ word, weight: Math.round(Math.log(sectionShare(word) / kindShare(word)) * 100) / 100 }))
    // A word that stands in it as often as anywhere says nothing.
    .filter(({ weight }) => weight !== 0)
    // The words that say most about the section in all: far from their share elsewhere, and frequent.
    .sort((a, b) => Math.abs(b.weight) * expected(b.word) - Math.abs(a.weight) * expected(a.word) || (a.word < b.word ? -1 : 1))
    .slice(0, mostWords);
  return Object.fromEntries(weighed.sort((a, b) => (a.word < b.word ? -1 : 1)).map(({ word, weight }) => [word, weight]));
}

let counted = table as SectionWords;

/**
 * Runs `work` with words counted from other documents in place of those of the published
 * ones: how the corpus tool and a test measure the fix on documents its words were not
 * counted from.
 */
export function withSectionWords<T>(words: SectionWords, work: () => T): T {
  const published = counted;
  counted = words;
  try {
    return work();
  } finally {
    counted = published;
  }
}

/** How strongly the text reads as the section's own: the weights of its words, summed. */
export function readsAs(kind: string, section: string, text: string, words: SectionWords = counted): number {
  const weights = words[kind]?.[section];
  if (!weights) return 0;
  let sum = 0;
  for (const word of wordsOf(text)) sum += weights[word] ?? 0;
  return sum;
}
