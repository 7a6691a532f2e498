// A second real LSP client: headless Neovim from Debian's package, set up with the
// README's configuration for its version (read from the README, so that what a user
// copies is what is tested), runs the built server as installed
// (`inspection-report-language-server --stdio` on PATH) on a seed. The test asks through
// Neovim's own LSP client, as a user's key presses would: the outline, hover, the problems
// after a required heading is deleted, and both quick fixes chosen from its code action menu.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attach, type NeovimClient } from 'neovim';
import { globSync } from 'tinyglobby';
import { corpusDir, corpusWideDir, readSeed, repoRoot, seedsDir, textFiles } from '../unit/helpers';

/**
 * The README's configuration for this Neovim: the block that recognises reports, then the
 * one for the newest version up to this one (`<!-- neovim recognising -->` and
 * `<!-- neovim 0.7 -->`, `<!-- neovim 0.10 -->`… before them).
 */
function readmeConfiguration(version: [number, number]): string {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = (marker: string) => [...readme.matchAll(new RegExp(`<!-- neovim ${marker} -->\\s*\`\`\`lua\\n([\\s\\S]*?)\`\`\``, 'g'))];
  const recognising = block('recognising');
  assert.equal(recognising.length, 1, 'the README has one block that recognises reports in Neovim');
  const worth = (major: number, minor: number) => major * 1000 + minor;
  const usable = block('(\\d+)\\.(\\d+)')
    .filter((match) => worth(Number(match[1]), Number(match[2])) <= worth(...version))
    .sort((a, b) => worth(Number(b[1]), Number(b[2])) - worth(Number(a[1]), Number(a[2])));
  assert.ok(usable.length > 0, `the README has no configuration for Neovim ${version.join('.')}`);
  return `${recognising[0][1]}\n${usable[0][3]}`;
}

function neovimVersion(): [number, number] {
  let out: string;
  try {
    out = execFileSync('nvim', ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error("Neovim is not installed: `npm test` installs Debian's neovim (test/runners/debian-packages.sh neovim), or install it yourself");
  }
  const [, major, minor] = /NVIM v(\d+)\.(\d+)/.exec(out) ?? [];
  return [Number(major), Number(minor)];
}

describe('Neovim, with the README’s configuration', function () {
  this.timeout(60_000);
  let home: string;
  let workspace: string;
  let report: string;
  let neovim: ChildProcess;
  let nvim: NeovimClient;
  const original = readSeed('003');
  const lines = original.split('\n');
  const heading = lines.indexOf('Recommendations');

  /** Runs Lua in Neovim and returns its value. */
  const lua = <T>(code: string, ...args: (string | number)[]) => nvim.lua(code, args) as Promise<T>;
  /** Waits inside Neovim, whose loop goes on hearing from the server meanwhile, until `condition` holds. */
  const until = async (condition: string, what: string) => {
    const held = await lua<boolean>(`return vim.wait(20000, function() ${condition} end, 20)`);
    assert.ok(held, `Neovim waited 20 s for ${what}`);
  };
  const codes = () => lua<string[]>("return vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(0))");
  const text = async () => (await nvim.buffer.lines).join('\n');
  /** Asks the server through Neovim's client, as its commands do. */
  const request = <T>(method: string, params: string) =>
    lua<T>(`local answers = vim.lsp.buf_request_sync(0, '${method}', ${params}, 10000) or {}
      for _, answer in pairs(answers) do return answer.result end`);
  /** Opens the code action menu on the first line and picks the action whose title begins so. */
  const chooseCodeAction = (title: string) =>
    lua(`local wanted = ...
      vim.ui.select = function(items, options, choose)
        for _, item in ipairs(items) do
          if options.format_item(item):find(wanted, 1, true) then return choose(item) end
        end
        error('no code action ' .. wanted .. ' among ' .. vim.inspect(vim.tbl_map(options.format_item, items)))
      end
      vim.api.nvim_win_set_cursor(0, { 1, 0 })
      vim.lsp.buf.code_action()`, title);

  before(async () => {
    const version = neovimVersion();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-reports-neovim-'));
    // The server on PATH as the README installs it (`npm install -g .`), into a prefix of the test's own.
    // Run from `npm test`, the outer npm's settings would reach this one: it starts clean.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    execFileSync('npm', ['install', '--global', '--prefix', home, '--no-audit', '--no-fund', '--silent', repoRoot], { env: clean });
    const bin = path.join(home, 'bin');
    fs.writeFileSync(path.join(home, 'init.lua'), readmeConfiguration(version));
    workspace = path.join(home, 'reports');
    fs.mkdirSync(path.join(workspace, '.git'), { recursive: true });
    fs.mkdirSync(path.join(workspace, 'thurrock'));
    // The seed's own name: recognised by its opening, not by an Ofsted file name.
    report = path.join(workspace, 'thurrock', '003_35a5abd99a445aeb.txt');
    fs.writeFileSync(report, original);

    // Its own config, data and state folders: nothing of the machine's user is read.
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache') };
    neovim = spawn('nvim', ['--embed', '--headless', '-n', '-i', 'NONE', '-u', path.join(home, 'init.lua')], { cwd: workspace, env });
    nvim = attach({ proc: neovim });
    await nvim.command(`edit ${report}`);
  });

  after(async () => {
    neovim?.kill();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('recognises the report by its opening and starts the server for its workspace', async () => {
    assert.equal(await lua('return vim.bo.filetype'), 'inspection-report');
    await until('return #vim.lsp.buf_get_clients(0) > 0 and vim.lsp.buf_get_clients(0)[next(vim.lsp.buf_get_clients(0))].initialized', 'the server to start');
    assert.equal(await lua("local _, client = next(vim.lsp.buf_get_clients(0)); return client.config.root_dir"), workspace);
  });

  it('gives the outline', async () => {
    const symbols = await request<{ name: string }[]>('textDocument/documentSymbol', '{ textDocument = vim.lsp.util.make_text_document_params() }');
    assert.deepEqual(symbols.map((symbol) => symbol.name).slice(0, 5), ['Judgements', 'Executive summary', 'The local authority', 'Recommendations', 'Summary for children and young people']);
  });

  it('gives the report in brief on hovering over its title', async () => {
    const title = lines.indexOf('Thurrock Council');
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', `{ textDocument = vim.lsp.util.make_text_document_params(), position = { line = ${title}, character = 2 } }`);
    assert.match(hover.contents.value, /Single inspection framework report/);
    assert.match(hover.contents.value, /Thurrock/);
  });

  it('says a required section is missing once its heading is deleted', async () => {
    await until("return #vim.diagnostic.get(0) > 0", 'the first problems');
    const before = await codes();
    assert.ok(!before.includes('section.missing'), before.join());
    await lua("vim.api.nvim_buf_set_lines(0, ..., ... + 1, false, {})", heading);
    await until("for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section.missing' then return true end end return false", 'section.missing');
    const message = await lua<string>("for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section.missing' then return d.message end end");
    assert.match(message, /no ‘Recommendations/);
  });

  it('puts the heading back with its quick fix', async () => {
    await chooseCodeAction('Insert the ‘Recommendations');
    await until("return vim.api.nvim_buf_get_lines(0, 0, -1, false)[" + (heading + 1) + "] == 'Recommendations'", 'the heading to be inserted');
    assert.equal(await text(), original);
    await until("for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section.missing' then return false end end return true", 'section.missing to go');
  });

  it('turns the rule off for the file with the other quick fix, in the workspace’s .inspection-reports.json', async () => {
    await lua("vim.api.nvim_buf_set_lines(0, ..., ... + 1, false, {})", heading);
    await until("for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section.missing' then return true end end return false", 'section.missing');
    const damaged = await text();
    await chooseCodeAction('Turn off ‘section.missing’ for this file');
    await until("for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section.missing' then return false end end return true", 'section.missing to be turned off');
    assert.equal(await text(), damaged);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(workspace, '.inspection-reports.json'), 'utf8')), { ignore: { 'thurrock/003_35a5abd99a445aeb.txt': ['section.missing'] } });
  });

  it('recognises every published document by its opening, whatever its name, and no other text', async () => {
    // Reports under names that say nothing; the project's Markdown, its licence and the
    // text files of its dependencies are no reports.
    const renamed = path.join(home, 'renamed');
    fs.mkdirSync(renamed);
    const reports = [seedsDir, corpusDir, corpusWideDir].flatMap(textFiles);
    const others = globSync(['*.md', 'docs/*.md', 'LICENSE', 'node_modules/**/*.txt'], { cwd: repoRoot, absolute: true }).sort();
    const copies = [...reports, ...others].map((file, i) => {
      const copy = path.join(renamed, `doc${i}.txt`);
      fs.copyFileSync(file, copy);
      return { file, copy, report: i < reports.length };
    });
    const filetypes = await lua<string[]>(`local found = {}
      for _, file in ipairs(...) do
        vim.cmd('silent edit ' .. vim.fn.fnameescape(file))
        table.insert(found, vim.bo.filetype)
        vim.cmd('silent bwipeout!')
      end
      return found`, copies.map(({ copy }) => copy) as never);
    const wrong = copies.filter(({ report }, i) => (filetypes[i] === 'inspection-report') !== report).map(({ file }) => path.relative(path.dirname(repoRoot), file));
    assert.deepEqual(wrong, []);
    assert.ok(others.length > 20, `${others.length} other text files`);
  });

  it('leaves nothing in the logs of the server or of Neovim’s client but its start', async () => {
    const log = await lua<string>('return vim.lsp.get_log_path()');
    const errors = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((line) => /\bERROR\b/.test(line)) : [];
    assert.deepEqual(errors, []);
  });
});
