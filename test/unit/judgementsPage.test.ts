// The Judgements panel's page: its rows for the seeds as HTML, and its script sorting and
// filtering them in a DOM (jsdom), as a reader's clicks and typing would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { URI } from 'vscode-uri';
import { judgementsBody, judgementsPage } from '../../client/src/judgementsPage';
import { authorityHistories, historyReport, parseReport, recurrenceThreshold } from '../../server/src/report';
import type { AuthorityHistoryResult } from '../../server/src/protocol';
import { seedNames, seedsDir } from './helpers';

const seeds = seedNames().map((name) => {
  const file = path.join(seedsDir, name);
  return historyReport(URI.file(file).toString(), parseReport(fs.readFileSync(file, 'utf8')));
});
const result: AuthorityHistoryResult = { threshold: recurrenceThreshold, histories: authorityHistories(seeds, { includeSingle: true }) };

/** The page in a DOM with its script run, and what it posted to the extension. */
function load(state?: object) {
  const posted: unknown[] = [];
  let saved = state;
  const dom = new JSDOM(judgementsPage(result, { nonce: 'n', cspSource: 'vscode-webview:' }), {
    runScripts: 'dangerously',
    beforeParse(window) {
      Object.assign(window, { acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), getState: () => saved, setState: (next: object) => (saved = next) }) });
    },
  });
  const document = dom.window.document;
  const shown = () => [...document.querySelectorAll<HTMLTableRowElement>('#judgements tbody tr')].filter((row) => !row.hidden).map((row) => `${row.cells[0].textContent} · ${row.cells[1].textContent} · ${row.cells[2].textContent}`);
  const type = (id: string, value: string) => {
    const control = document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
    control.value = value;
    control.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  };
  const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();
  return { dom, document, posted, shown, type, click, saved: () => saved };
}

describe('judgements page', () => {
  it('has a row per report, the latest first, with its grade in each area', () => {
    const { shown, document } = load();
    assert.deepEqual(shown(), [
      'Thurrock · ILACS summary · after 2016',
      'Thurrock · SIF report · 24 May 2016',
      'Stockton-on-Tees · Unannounced inspection letter · 9 June 2011',
      'Thurrock · Unannounced inspection letter · 2 December 2009',
      'Essex · Unannounced inspection letter · 12 November 2009',
    ]);
    const sif = [...document.querySelectorAll('#judgements tbody tr')][1];
    // Overall, help and protection, in care, care leavers, adoption, leaders, LSCB; then the findings.
    assert.deepEqual([...sif.querySelectorAll('td')].slice(2).map((cell) => cell.textContent?.trim()), [
      // `RI` for requires improvement, as analysts write it; the badge's title says it in full.
      'RI', 'RI', 'RI', 'RI', 'RI', 'RI', 'Good', '16 recommendations', // the authority's: the board's two are the board's to act on
    ]);
    // Each grade opens the report at its judgement; the kind, at its top.
    assert.match(sif.querySelector('td button.cell .grade')?.getAttribute('title') ?? '', /^Requires improvement to be good$/);
    assert.match(sif.querySelector('td button.cell')?.outerHTML ?? '', /data-uri="file:\/\/\/[^"]+003_35a5abd99a445aeb\.txt" data-range="\d+:\d+:\d+:\d+"/);
    assert.match(sif.querySelector('td button.link')?.outerHTML ?? '', /data-range="0:0:0:0"/);
  });

  it('links an authority with two or more reports to its history', () => {
    const { document, posted } = load();
    const links = [...document.querySelectorAll<HTMLElement>('[data-history]')];
    assert.deepEqual([...new Set(links.map((link) => link.textContent))], ['Thurrock']);
    links[0].click();
    assert.deepEqual(JSON.parse(JSON.stringify(posted.at(-1))), { type: 'history', key: 'thurrock' });
  });

  it('filters by authority, kind, year and overall grade, and says how many it shows', () => {
    const { type, shown, document } = load();
    type('filter-authority', 'thur');
    assert.equal(shown().length, 3);
    type('filter-kind', 'Unannounced inspection letter');
    assert.deepEqual(shown(), ['Thurrock · Unannounced inspection letter · 2 December 2009']);
    type('filter-authority', '');
    type('filter-year', '2009');
    assert.equal(shown().length, 2);
    assert.equal(document.getElementById('count')?.textContent, '2 of 5 reports');
    type('filter-kind', '');
    type('filter-year', '');
    type('filter-overall', 'requires-improvement');
    assert.deepEqual(shown(), ['Thurrock · SIF report · 24 May 2016']);
    type('filter-overall', 'good');
    assert.deepEqual(shown(), []);
    assert.equal((document.getElementById('none') as HTMLElement).hidden, false);
  });

  it('sorts by a column, again the other way, and keeps the reader’s choices across renders', () => {
    const { click, shown, document, dom, saved } = load();
    click('[data-sort="authority"]');
    assert.deepEqual(shown().map((row) => row.split(' · ')[0]), ['Essex', 'Stockton-on-Tees', 'Thurrock', 'Thurrock', 'Thurrock']);
    assert.equal(document.querySelector('[data-sort="authority"]')?.closest('th')?.getAttribute('aria-sort'), 'ascending');
    click('[data-sort="authority"]');
    assert.deepEqual(shown().map((row) => row.split(' · ')[0]), ['Thurrock', 'Thurrock', 'Thurrock', 'Stockton-on-Tees', 'Essex']);
    // Best grade first, the ungraded last.
    click('[data-sort="overall"]');
    assert.match(shown()[0], /SIF report/);
    // New content from the extension keeps the sort and the filters.
    (document.getElementById('filter-authority') as HTMLInputElement).value = 'essex';
    document.getElementById('filter-authority')!.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    dom.window.postMessage({ type: 'render', html: judgementsBody(result), version: 2 }, '*');
    return new Promise<void>((resolve) => setTimeout(() => {
      assert.deepEqual(shown(), ['Essex · Unannounced inspection letter · 12 November 2009']);
      assert.equal((document.getElementById('filter-authority') as HTMLInputElement).value, 'essex');
      assert.deepEqual(JSON.parse(JSON.stringify(saved())), { sort: 'overall', descending: false, filters: { authority: 'essex' } });
      resolve();
    }, 20));
  });

  it('escapes report text and says so when there is nothing to show', () => {
    const hostile = { ...seeds[0], uri: 'file:///a/"><img src=x>.txt' };
    const body = judgementsBody({ threshold: recurrenceThreshold, histories: [{ key: 'x', name: '<script>alert(1)</script>', reports: [hostile], recurring: [] }] });
    assert.doesNotMatch(body, /<script>|<img/);
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(judgementsBody({ threshold: recurrenceThreshold, histories: [] }), /No inspection report in this workspace yet/);
    assert.match(judgementsBody(undefined), /Reading the reports/);
  });
});
