// The TextMate grammar (syntaxes/inspection-report.tmLanguage.json), tokenised by
// vscode-textmate with vscode-oniguruma, the regex engine VS Code itself uses.
//
// - Snapshots: each fixture test/grammar/<name>.txt (excerpts of the seeds, and synthetic
//   lines in pdftotext's style) has test/grammar/<name>.snap beside it: every line, then
//   its tokens that are not plain text. A difference fails the test. After a deliberate
//   change to the grammar, rewrite them and review the diff:
//     UPDATE_GRAMMAR_SNAPSHOTS=1 npx mocha test/unit/grammar.test.ts
// - Grades: each grade has a scope of its own that Dark+ and Light+ colour apart from the
//   others and from prose (checked below against those themes' rules): outstanding
//   `markup.inserted` (green), good `entity.name.type` (teal), requires improvement
//   `entity.name.function` (amber in Dark+, brown in Light+), inadequate `invalid.illegal`
//   (red). Not `string` for good: Light+ makes it the red of inadequate. Not `keyword` or
//   `markup.changed` for requires improvement: Dark+ makes them the blue of headings, and a
//   grade often ends a heading.
// - Headings: every section heading the parser finds in the seeds, and in ../shared/corpus
//   when it is there, begins on a line that the grammar scopes as a heading.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, flattenSections, readSeed, repoRoot, seedNames } from './helpers';

const grammarPath = path.join(repoRoot, 'syntaxes', 'inspection-report.tmLanguage.json');
const fixturesDir = path.join(repoRoot, 'test', 'grammar');
const scopeName = 'text.inspection-report';
const updateSnapshots = process.env.UPDATE_GRAMMAR_SNAPSHOTS === '1';

const gradeScopes = {
  outstanding: 'markup.inserted.grade.outstanding.inspection-report',
  good: 'entity.name.type.grade.good.inspection-report',
  requiresImprovement: 'entity.name.function.grade.requires-improvement.inspection-report',
  inadequate: 'invalid.illegal.grade.inadequate.inspection-report',
};
const headingScope = 'markup.heading.inspection-report';

// loadWASM may run once per process.
let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= oniguruma
    .loadWASM(fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')))
    .then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }));
  return onigLib;
}

async function loadGrammar(theme?: vsctm.IRawTheme): Promise<{ grammar: vsctm.IGrammar; registry: vsctm.Registry }> {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    theme,
    loadGrammar: async (name) => (name === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return { grammar, registry };
}

interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly vsctm.IToken[];
}

/** Line by line, each line starting from the state the one before left, as the editor does. */
function tokenize(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}

/** The scopes of the token that holds `part` of the line (its first occurrence). */
function scopesOf(line: TokenizedLine, part: string): string[] {
  const at = line.text.indexOf(part);
  assert.ok(at >= 0, `‘${part}’ is not in ‘${line.text}’`);
  const token = line.tokens.find((candidate) => candidate.startIndex <= at && at < candidate.endIndex);
  return token ? token.scopes : [];
}

// Form feeds, tabs and the private-use bullet glyphs, which print as nothing, made visible.
const shown = (text: string) =>
  text
    .replace(/\f/g, '\\f')
    .replace(/\t/g, '\\t')
    .replace(/[\ue000-\uf8ff]/g, (glyph) => `\\u{${glyph.charCodeAt(0).toString(16).toUpperCase()}}`);
const short = (scope: string) => scope.replace(/\.inspection-report$/, '');

function renderSnapshot(name: string, lines: readonly TokenizedLine[]): string {
  const out = [
    `# ${name}.txt as ${scopeName} sees it: each line, then its tokens that are not plain text`,
    '# (columns, text, scopes without `.inspection-report`). Form feeds show as \\f, tabs as \\t,',
    '# private-use bullet glyphs as \\u{F0A7}.',
  ];
  for (const { text, tokens } of lines) {
    out.push(`> ${shown(text)}`);
    for (const token of tokens) {
      if (token.scopes.length < 2) continue;
      const part = `"${shown(text.slice(token.startIndex, token.endIndex))}"`;
      out.push(`    ${token.startIndex}-${token.endIndex} ${part} ${token.scopes.slice(1).map(short).join(' ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The lines where the parser starts a section, and those of them the grammar misses. */
function headingMisses(grammar: vsctm.IGrammar, text: string): { headings: number; misses: string[] } {
  const lines = tokenize(grammar, text);
  const starts = new Set(flattenSections(parseReport(text).sections).map((section) => section.headingRange.start.line));
  const misses = [...starts]
    .filter((line) => !lines[line].tokens.some((token) => token.scopes.includes(headingScope)))
    .map((line) => `${line + 1}: ${shown(lines[line].text).slice(0, 100)}`);
  return { headings: starts.size, misses };
}

describe('grammar', () => {
  let grammar: vsctm.IGrammar;
  const line = (text: string): TokenizedLine => tokenize(grammar, text)[0];

  before(async () => {
    grammar = (await loadGrammar()).grammar;
  });

  describe('snapshots', () => {
    const fixtures = fs
      .readdirSync(fixturesDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => name.slice(0, -'.txt'.length))
      .sort();

    it('has fixtures', () => assert.ok(fixtures.length > 0));

    for (const name of fixtures) {
      it(name, () => {
        const text = fs.readFileSync(path.join(fixturesDir, `${name}.txt`), 'utf8').replace(/\r?\n$/, '');
        const actual = renderSnapshot(name, tokenize(grammar, text));
        const snapPath = path.join(fixturesDir, `${name}.snap`);
        if (updateSnapshots) {
          fs.writeFileSync(snapPath, actual);
          return;
        }
        assert.ok(fs.existsSync(snapPath), `no ${name}.snap: run with UPDATE_GRAMMAR_SNAPSHOTS=1`);
        assert.equal(actual, fs.readFileSync(snapPath, 'utf8'), `${name}.snap differs: check the change, then rewrite with UPDATE_GRAMMAR_SNAPSHOTS=1`);
      });
    }
  });

  describe('grades', () => {
    const judgementLines: [text: string, grade: string, scope: string][] = [
      ['Outstanding', 'Outstanding', gradeScopes.outstanding],
      ['Overall effectiveness: Good', 'Good', gradeScopes.good],
      ['Requires improvement to be good', 'Requires improvement to be good', gradeScopes.requiresImprovement],
      ['3. Leadership, management and governance\t\tRequire improvement', 'Require improvement', gradeScopes.requiresImprovement],
      ['Requires improvement', 'Requires improvement', gradeScopes.requiresImprovement],
      ['Inadequate', 'Inadequate', gradeScopes.inadequate],
      ['The experiences and progress of care leavers: outstanding', 'outstanding', gradeScopes.outstanding],
      ['The Local Safeguarding Children Board is good', 'good', gradeScopes.good],
      ["Children's services in Thurrock Council require improvement to be good", 'require improvement to be good', gradeScopes.requiresImprovement],
      ['The graded judgement for adoption performance is that it is inadequate', 'inadequate', gradeScopes.inadequate],
      ['Grade 4 (Inadequate)', 'Grade 4 (Inadequate)', gradeScopes.inadequate],
      // Until 2013 the third step was adequate: coloured as requires improvement is now.
      ['Grade 3 (Adequate)', 'Grade 3 (Adequate)', gradeScopes.requiresImprovement],
      ['Adequate', 'Adequate', gradeScopes.requiresImprovement],
      ['Outcomes for looked after children and young people are adequate.', 'adequate', gradeScopes.requiresImprovement],
    ];

    it('gives each grade its own scope', () => {
      assert.equal(new Set(Object.values(gradeScopes)).size, 4);
    });

    for (const [text, grade, scope] of judgementLines) {
      it(`scopes ‘${grade}’ in ‘${shown(text)}’`, () => {
        assert.ok(scopesOf(line(text), grade).includes(scope), `${scope} not in ${scopesOf(line(text), grade).join(' ')}`);
      });
    }

    const prose = [
      'Social workers have a good understanding of the children they work with.',
      '- Good use is made by practitioners and managers of the council\'s electronic record system.',
      'Staff report good access to a range of relevant developmental opportunities.',
      'Morale is good. Supervision is frequent and mostly effective.',
      'Currently, good-quality parenting and connected carers assessments contribute to effective plans.',
      'The quality of initial assessments is inconsistent, although inspectors saw some examples of good practice.',
      'Leaders know what requires improvement and what is outstanding practice.',
    ];
    for (const text of prose) {
      it(`leaves ordinary prose plain: ‘${text.slice(0, 40)}…’`, () => {
        const graded = line(text).tokens.filter((token) => token.scopes.some((scope) => scope.includes('.grade.')));
        assert.deepEqual(graded.map((token) => text.slice(token.startIndex, token.endIndex)), []);
      });
    }
  });

  describe('paragraphs, bullets and tags', () => {
    it('scopes a paragraph number, with or without the dash, after a form feed too', () => {
      for (const [text, number] of [['- 17. Children are seen alone.', '17'], ['113. A comprehensive training programme.', '113'], ['\f12. Leaders know their services.', '12']]) {
        const scopes = scopesOf(line(text), number);
        assert.ok(scopes.includes('constant.numeric.paragraph.inspection-report'), `${text}: ${scopes.join(' ')}`);
        assert.ok(scopes.includes('markup.list.numbered.inspection-report'), `${text}: ${scopes.join(' ')}`);
      }
    });

    it('scopes the bullet glyphs that extraction leaves', () => {
      for (const glyph of ['-', '•', '▪', '◼', '\uf06e', '\uf0a7', '\uf02d']) {
        const scopes = scopesOf(line(`${glyph} Managers oversee plans.`), glyph);
        assert.ok(scopes.includes('punctuation.definition.list.begin.inspection-report'), `${glyph}: ${scopes.join(' ')}`);
      }
    });

    it('scopes a (Recommendation) tag', () => {
      const tagged = line('timely, take good account of historical issues, and are strong on analysis (Recommendation).');
      assert.ok(scopesOf(tagged, 'Recommendation').includes('entity.name.tag.recommendation.inspection-report'));
    });

    it('scopes a heading after a form feed, with a footnote mark', () => {
      const heading = line('\fInformation about this local authority area²');
      assert.ok(scopesOf(heading, 'Information').includes('entity.name.section.inspection-report'));
      assert.ok(scopesOf(heading, '²').includes(headingScope));
    });

    it('scopes dates', () => {
      for (const date of ['12 November 2009', '14 and 15 October 2009', '22 February 2016 to 17 March 2016', 'June 2012']) {
        const dated = line(`Inspection date: ${date}`);
        const token = dated.tokens.find((candidate) => candidate.scopes.includes('constant.numeric.date.inspection-report'));
        assert.equal(token && dated.text.slice(token.startIndex, token.endIndex), date);
      }
    });
  });

  describe('colours in the default themes', () => {
    // The rules of Dark+ and Light+ (microsoft/vscode extensions/theme-defaults, dark_vs +
    // dark_plus, light_vs + light_plus) that reach this grammar's scopes.
    const themes: Record<string, vsctm.IRawTheme> = {
      'Dark+': {
        settings: [
          { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } },
          { scope: 'markup.heading', settings: { fontStyle: 'bold', foreground: '#569CD6' } },
          { scope: 'markup.inserted', settings: { foreground: '#B5CEA8' } },
          { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
          { scope: 'entity.name.tag', settings: { foreground: '#569CD6' } },
          { scope: 'punctuation.definition.tag', settings: { foreground: '#808080' } },
          { scope: 'invalid', settings: { foreground: '#F44747' } },
          { scope: 'entity.name.function', settings: { foreground: '#DCDCAA' } },
          { scope: 'entity.name.type', settings: { foreground: '#4EC9B0' } },
        ],
      },
      'Light+': {
        settings: [
          { settings: { foreground: '#000000', background: '#FFFFFF' } },
          { scope: 'markup.heading', settings: { fontStyle: 'bold', foreground: '#800000' } },
          { scope: 'markup.inserted', settings: { foreground: '#098658' } },
          { scope: 'constant.numeric', settings: { foreground: '#098658' } },
          { scope: 'entity.name.tag', settings: { foreground: '#800000' } },
          { scope: 'punctuation.definition.tag', settings: { foreground: '#800000' } },
          { scope: 'invalid', settings: { foreground: '#CD3131' } },
          { scope: 'entity.name.function', settings: { foreground: '#795E26' } },
          { scope: 'entity.name.type', settings: { foreground: '#267F99' } },
        ],
      },
    };
    // vscode-textmate packs the foreground colour's index into bits 15 to 23 of a token's metadata.
    const foregroundOf = (metadata: number) => (metadata >>> 15) & 0x1ff;

    for (const [themeName, theme] of Object.entries(themes)) {
      it(`tells the grades apart from each other and from prose in ${themeName}`, async () => {
        const { grammar: themed, registry } = await loadGrammar(theme);
        const colours = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Managers know their teams well.'].map((text) => {
          const tokens = themed.tokenizeLine2(text, vsctm.INITIAL).tokens;
          return registry.getColorMap()[foregroundOf(tokens[1])];
        });
        assert.equal(new Set(colours).size, colours.length, colours.join(' '));
      });
    }
  });

  describe('headings the parser finds', () => {
    it('scopes the seeds\' heading lines as headings (at least 95%, misses listed)', () => {
      let headings = 0;
      const misses: string[] = [];
      for (const name of seedNames()) {
        const found = headingMisses(grammar, readSeed(name.slice(0, 3)));
        headings += found.headings;
        misses.push(...found.misses.map((miss) => `${name}:${miss}`));
      }
      assert.ok(headings > 0);
      assert.ok(misses.length <= headings * 0.05, `${misses.length} of ${headings} headings missed:\n${misses.join('\n')}`);
      if (misses.length > 0) console.warn(`grammar misses ${misses.length} of ${headings} seed headings:\n${misses.join('\n')}`);
    });

    it('at least 95% of the corpus heading lines are scoped as headings', function () {
      if (!fs.existsSync(corpusDir)) this.skip();
      let headings = 0;
      const misses: string[] = [];
      for (const name of fs.readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort()) {
        const found = headingMisses(grammar, fs.readFileSync(path.join(corpusDir, name), 'utf8'));
        headings += found.headings;
        misses.push(...found.misses.map((miss) => `${name}:${miss}`));
      }
      assert.ok(headings > 0);
      assert.ok(misses.length <= headings * 0.05, `${misses.length} of ${headings} headings missed:\n${misses.join('\n')}`);
      if (misses.length > 0) console.warn(`grammar misses ${misses.length} of ${headings} corpus headings:\n${misses.join('\n')}`);
    });
  });

  describe('language configuration', () => {
    const configuration = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'language-configuration.json'), 'utf8'));

    it('takes hyphenated words and apostrophes as one word', () => {
      const word = new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags}g`);
      assert.deepEqual('Children’s child-centred plans, don\'t'.match(word), ['Children’s', 'child-centred', 'plans', "don't"]);
    });

    it('continues a `- ` bullet on Enter, not a numbered paragraph', () => {
      const bullet = new RegExp(configuration.onEnterRules[0].beforeText);
      assert.ok(bullet.test('- Managers oversee plans'));
      assert.ok(!bullet.test('- 17. Children are seen alone'));
      assert.ok(!bullet.test('- '));
    });
  });
});
