// Cross references inside a report: the `(Recommendation)` tags at the end of inspection
// findings and the recommendations they support, and the contents entries and the
// headings they name. Neither is written as a number, so both are matched by content.
import type { Block } from './blocks';
import type { ContentsEntry, Finding, RecommendationTag, Section } from '../model';
import type { RawContentsEntry } from './frontMatter';
import { headingKey } from './headings';
import { dice, functionWords, overlap, range, words } from '../text';

const tag = '(Recommendation)';

// Words that every recommendation shares say nothing about which one a paragraph supports.
const common = new Set([...functionWords, 'ensure', 'ensures', 'children', 'child', 'young', 'people', 'local', 'authority']);

// The words of each recommendation and tagged paragraph, kept from one parse to the next:
// an edit leaves all but one of them as they were, and reading their words again was a
// fifth of each parse of a report with a hundred tags. Forgotten wholesale past a bound.
const remembered = new Map<string, ReadonlySet<string>>();
const mostRemembered = 10_000;

function contentWords(text: string): ReadonlySet<string> {
  let found = remembered.get(text);
  if (!found) {
    if (remembered.size >= mostRemembered) remembered.clear();
    found = new Set(words(text).filter((word) => !common.has(word) && word.length > 2));
    remembered.set(text, found);
  }
  return found;
}

export function findRecommendationTags(blocks: readonly Block[], recommendations: readonly Finding[]): RecommendationTag[] {
  const targets = recommendations
    .filter((finding) => finding.number !== undefined)
    .map((finding) => ({ number: finding.number as number, words: contentWords(finding.text) }));
  // Which recommendations use each word, so that a paragraph is compared with all of
  // them in one pass over its own words (a report has hundreds of tags at the most, but a
  // long text repeating reports can have thousands of both).
  const users = new Map<string, number[]>();
  targets.forEach((target, index) => {
    for (const word of target.words) {
      const using = users.get(word);
      if (using) using.push(index);
      else users.set(word, [index]);
    }
  });
  const tags: RecommendationTag[] = [];
  for (const block of blocks) {
    if (!block.text.includes(tag)) continue;
    const line = [...block.lines].reverse().find((candidate) => candidate.raw.includes(tag));
    if (!line) continue;
    const at = line.raw.lastIndexOf(tag);
    const own = contentWords(block.text.replace(tag, ''));
    const shared = new Array<number>(targets.length).fill(0);
    for (const word of own) for (const index of users.get(word) ?? []) shared[index]++;
    const scores = targets.map((target, index) => dice(shared[index], own.size, target.words.size));
    const best = Math.max(0, ...scores);
    // The best match, and any other as good within a small margin: a paragraph can
    // support two recommendations that use the same words.
    const supports = best > 0.05 ? targets.filter((_, index) => scores[index] >= best - 0.02).map((target) => target.number) : [];
    tags.push({
      range: range(line.index, at, line.index, at + tag.length),
      paragraph: block.type === 'numbered' ? block.number : undefined,
      supports,
    });
  }
  return tags;
}

/** Each contents entry with the heading it names, if the report has one. */
export function matchContents(entries: readonly RawContentsEntry[], sections: readonly Section[]): ContentsEntry[] {
  const headings = flatten(sections).map((section) => ({ section, key: headingKey(section.name), words: new Set(words(section.name)) }));
  return entries.map((entry) => {
    const key = headingKey(entry.title);
    const entryWords = new Set(words(entry.title));
    let heading = headings.find((candidate) => candidate.key === key)?.section;
    if (!heading) {
      // The contents wrap, garble (`achie permanence eving`) and shorten headings.
      let best = 0.75;
      for (const candidate of headings) {
        const score = candidate.key.startsWith(key) && key.length >= 12 ? 1 : overlap(entryWords, candidate.words);
        if (score > best) {
          best = score;
          heading = candidate.section;
        }
      }
    }
    return { ...entry, heading };
  });
}

export function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)]);
}
