// Findings per category in a sample of real documents, two or more of every kind and
// period, counted by reading the text: each count is the bullets, numbered paragraphs or
// paragraphs under the headings that give the category. A finding belongs to the category
// its own section gives it; a letter's `Findings` section gives none. Documents from
// ../shared skip when it is absent (a fresh clone).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingCategories, type FindingCategory } from '../../server/src/report/model';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, repoRoot } from './helpers';

const shared = path.dirname(corpusDir);

interface Expected {
  /** Relative to the repository's parent: `seeds/...` is the repository's own. */
  readonly file: string;
  readonly counts: Partial<Record<FindingCategory, number>>;
  /** What was counted. */
  readonly comment: string;
}

const sample: readonly Expected[] = [
  // Unannounced inspection letters, 2009 to 2012.
  {
    file: 'seeds/000_cedd8d57784a9609.txt',
    counts: { satisfactory: 15, strength: 4, development: 3 },
    comment: 'Thurrock 2009: 15 bullets after `in particular:` (three lost their glyph), Strengths 4, Areas for development 3',
  },
  {
    file: 'seeds/004_161752b46caf5eec.txt',
    counts: { satisfactory: 14, development: 6 },
    comment: 'Stockton 2011: 10 + 4 bullets under `meets the requirements` across a page break, Areas for development 6',
  },
  // Single inspection framework, 2014: priority and immediate action, areas for improvement.
  {
    file: 'shared/corpus/barnsley-inspection-08-august-2014.txt',
    counts: { development: 32, strength: 17 },
    comment: 'areas for improvement 10-34 and the LSCB 135-141; `has the following strengths` 35-51; no priority action either time',
  },
  {
    file: 'shared/corpus-wide/newham-inspection-08-august-2014.txt',
    counts: { development: 12, strength: 8 },
    comment: 'areas for improvement 9-18 and the LSCB 142-143 (under a heading right after a sentence with no full stop); strengths 19-26',
  },
  // 2015: the lists grouped under judgement headings.
  {
    file: 'shared/corpus-wide/norfolk-inspection-20-october-2015.txt',
    counts: { recommendation: 25 },
    comment: 'Recommendations 1-19 and the LSCB 138-143; the four bullets after `8. Implement the following areas for improvement …:` are parts of 8',
  },
  {
    file: 'shared/corpus/lambeth-inspection-12-may-2015.txt',
    counts: { 'priority-action': 9, development: 27, strength: 6 },
    comment: 'priority 1-5 and LSCB 176-179; improvement 6-22 (15-22 under `Leadership, management and governance`) and LSCB 180-189; strengths 23-28',
  },
  // 2016 and 2017: numbered recommendations, the LSCB's after the local authority's.
  {
    file: 'seeds/003_35a5abd99a445aeb.txt',
    counts: { recommendation: 18 },
    comment: 'Thurrock 2016: Recommendations 1-16 and the LSCB 114-115',
  },
  {
    file: 'shared/corpus/coventry-inspection-13-june-2017.txt',
    counts: { recommendation: 9 },
    comment: 'Recommendations 1-9, each number alone on its line',
  },
  // ILACS reports: `What needs to improve`.
  {
    file: 'shared/corpus/swindon-inspection-12-august-2019.txt',
    counts: { development: 4 },
    comment: '4 bullets in lower case under `What needs to improve`',
  },
  {
    file: 'shared/corpus/wigan-inspection-05-july-2022.txt',
    counts: { development: 7 },
    comment: '7 bullets under `What needs to improve?`',
  },
  {
    file: 'shared/corpus/oxfordshire-inspection-09-april-2024.txt',
    counts: { development: 4 },
    comment: '4 bullets, each glyph alone on its line',
  },
  // Focused visits, 2018: Overview, Areas of strength, What needs to improve (no Findings).
  {
    file: 'shared/corpus-wide/luton-focused-visit-05-july-2018.txt',
    counts: { strength: 8, development: 10 },
    comment: '`Areas of strength` 8 bullets, `What needs to improve` 10',
  },
  {
    file: 'shared/corpus-wide/nottinghamshire-focused-visit-22-february-2018.txt',
    counts: { strength: 9, development: 10 },
    comment: '`Areas of strength` 9 bullets, `Areas for Improvement` 10',
  },
  {
    file: 'shared/corpus/oldham-focused-visit-11-april-2018.txt',
    counts: { development: 4 },
    comment: '4 bullets to improve; the Findings are no category',
  },
  {
    file: 'shared/corpus-wide/gateshead-focused-visit-09-may-2018.txt',
    counts: { development: 3 },
    comment: '`What needs to improve in this area of practice` 3 bullets; 8 findings, no category',
  },
  {
    file: 'shared/corpus-wide/doncaster-focused-visit-04-january-2019.txt',
    counts: { development: 1 },
    comment: '1 bullet to improve; `Findings` right under it (no full stop) holds 9, no category',
  },
  // Focused visits, 2019 to 2022.
  {
    file: 'shared/corpus-wide/lancashire-focused-visit-16-august-2021.txt',
    counts: { development: 3 },
    comment: '3 bullets to improve; the findings under a second `Headline findings`',
  },
  {
    file: 'shared/corpus/warrington-focused-visit-31-january-2022.txt',
    counts: { development: 2 },
    comment: '2 bullets to improve',
  },
  // Focused visits from 2023, some with areas for priority action.
  {
    file: 'shared/corpus/hampshire-focused-visit-07-march-2023.txt',
    counts: { development: 3 },
    comment: '3 one-line bullets to improve',
  },
  {
    file: 'shared/corpus/slough-focused-visit-12-january-2026.txt',
    counts: { 'priority-action': 1, development: 4 },
    comment: '`Areas for priority action` 1 bullet, `What needs to improve ...?1` 4',
  },
  // Area SEND reports: paragraphs with no blank line between them.
  {
    file: 'shared/corpus/gateshead-send-24-july-2023.txt',
    counts: { strength: 12, development: 5 },
    comment: 'effective: 5 + 7 bullets across a page; areas for improvement 5 paragraphs, one ending on a full line',
  },
  {
    file: 'shared/corpus/rutland-send-03-august-2023.txt',
    counts: { strength: 10, development: 3 },
    comment: 'effective: 6 + 4 bullets; areas for improvement 3 paragraphs, one line glued longer than the rest',
  },
  // Area SEND reports whose areas for priority action sit beside a column of responsible bodies.
  {
    file: 'shared/corpus-wide/bexley-send-23-february-2024.txt',
    counts: { 'priority-action': 6, development: 4, strength: 7 },
    comment: 'priority action: 2 and 3 bullets after two lead-ins, and a paragraph; improvement: a paragraph, then 3 bullets after a lead-in in the same block; effective: 7 bullets',
  },
  {
    file: 'shared/corpus-wide/plymouth-send-22-august-2023.txt',
    counts: { 'priority-action': 6, development: 5, strength: 6 },
    comment: 'priority action: 4 paragraphs and 2 bullets after a lead-in; improvement: 2 bullets, then 3 paragraphs, the first run on from the last bullet; effective: 6 bullets',
  },
  {
    file: 'shared/corpus-wide/surrey-send-24-november-2023.txt',
    counts: { development: 6, strength: 9 },
    comment: 'improvement: 2 paragraphs, 3 dash bullets after a lead-in, and a paragraph run on from the last of them; effective: 9 bullets',
  },
  {
    file: 'shared/corpus-wide/suffolk-send-30-january-2024.txt',
    counts: { 'priority-action': 6, development: 3, strength: 7 },
    comment: 'priority action: a paragraph, 4 bullets after its lead-in across a page, a paragraph; improvement: 3 paragraphs; effective: 7 glyphs on lines of their own, then their 7 paragraphs with no blank line between',
  },
];

function located(file: string): string {
  return file.startsWith('shared/') ? path.join(shared, file.slice('shared/'.length)) : path.join(repoRoot, file);
}

describe('finding counts, read by hand', () => {
  for (const expected of sample) {
    it(`${expected.file}: ${expected.comment}`, function () {
      const file = located(expected.file);
      if (!fs.existsSync(file)) this.skip();
      const report = parseReport(fs.readFileSync(file, 'utf8'));
      const counts = Object.fromEntries(findingCategories.map((category) => [category, report.findings.filter((finding) => finding.category === category).length]));
      const wanted = Object.fromEntries(findingCategories.map((category) => [category, expected.counts[category] ?? 0]));
      assert.deepEqual(counts, wanted);
    });
  }
});
