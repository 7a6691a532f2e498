// The authorities as the archive knows them (server/src/report/authorities.json): every
// spelling a report or a file name gives brought to one canonical name, different
// councils kept apart, the successions that a history follows; and, over the seeds and
// both shared corpora when they are beside the repository, one authority for every
// document, agreeing with its file name, and no authority under two names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  authoritiesIn,
  authorityInFileName,
  authorityKey,
  authorityNames,
  canonicalAuthority,
  nameKey,
  predecessorsOf,
  reportAuthority,
  successorsOf,
} from '../../server/src/report/authorities';
import { findingGroups } from '../../server/src/report/features/findingGroups';
import { parseReport } from '../../server/src/report/parse/index';
import { corpusDir, corpusWideDir, seedsDir, textFiles } from './helpers';

describe('authorities: names', () => {
  it('brings every spelling of a council to its canonical name', () => {
    const spellings: Record<string, readonly string[]> = {
      'Kingston upon Hull': ['Kingston upon Hull City Council', 'Kingston Upon Hull City Council', 'Hull', 'Hull City Council', 'kingston-upon-hull'],
      Bristol: ['Bristol City Council', 'Bristol City of', 'Bristol, City of', 'City of Bristol'],
      Blackpool: ['Blackpool Borough Council', 'blackpool'],
      'Redcar and Cleveland': ['Borough of Redcar and Cleveland', 'Redcar and Cleveland Borough Council', 'Redcar & Cleveland'],
      Lambeth: ['the London Borough of Lambeth', 'London Borough of Lambeth', 'Lambeth Council'],
      Greenwich: ['Royal Borough of Greenwich'],
      'Kensington and Chelsea': ['Royal Borough of Kensington and Chelsea', 'The Royal Borough of Kensington & Chelsea'],
      'Windsor and Maidenhead': ['The Royal Borough of Windsor and Maidenhead', 'windsor-maidenhead'],
      'Kingston upon Thames': ['Royal Borough of Kingston upon Thames Council'],
      'City of London': ['Corporation of London', 'City of London Corporation', 'London Corporation', 'london-corporation'],
      Westminster: ['City of Westminster'],
      York: ['City of York Council', 'York City Council'],
      Bradford: ['City of Bradford Metropolitan District Council', 'City of Bradford Metropolitan Borough Council'],
      Barnsley: ['Metropolitan Borough of Barnsley Council', 'Barnsley Metropolitan Borough Council'],
      Wakefield: ['Wakefield District Metropolitan Council', 'Wakefield Metropolitan District Council'],
      Dudley: ['Dudley MBC', 'Dudley Metropolitan Borough'],
      Trafford: ['Trafford Council’s', 'Trafford Metropolitan Borough'],
      Essex: ['Essex County Council', 'Essex'],
      Devon: ['Devon county council'],
      Durham: ['County Durham', 'Durham County Council'],
      Herefordshire: ['Herefordshire Council', 'County of Herefordshire District Council'],
      'St Helens': ['St. Helens Metropolitan Borough Council', 'Saint Helens', 'st-helens'],
      'Southend-on-Sea': ['Southend-on-Sea Borough Council', 'Southend-on-Sea City Council', 'Southend on Sea', 'Southend'],
      'Stockton-on-Tees': ['Stockton-on-Tees Borough Council', 'Stockton on Tees'],
      'Telford and Wrekin': ['Telford and Wrekin Council', 'Telford & Wrekin', 'telford-wrekin'],
      'Bournemouth, Christchurch and Poole': ['Bournemouth Christchurch and Poole Council', 'bournemouth-christchurch-poole', 'BCP Council'],
      'Newcastle upon Tyne': ['Newcastle', 'Newcastle Upon Tyne City Council'],
      'East Riding of Yorkshire': ['East Riding', 'East Riding of Yorkshire council'],
      'Isles of Scilly': ['Council of the Isles of Scilly', 'isles-of-scilly'],
      Medway: ['Medway Children’s Services', 'Medway Council'],
      Birmingham: ['Birmingham Children’s Trust'],
      Leicester: ['Leicester City', 'Leicester City Council'],
    };
    for (const [canonical, names] of Object.entries(spellings)) {
      for (const name of [canonical, ...names]) assert.equal(canonicalAuthority(name), canonical, name);
    }
  });

  it('keeps different councils apart, however alike their names', () => {
    const different = [
      'North East Lincolnshire', 'North Lincolnshire', 'Lincolnshire County Council',
      'Kingston upon Hull', 'Royal Borough of Kingston upon Thames',
      'City of London', 'London Borough of Enfield', 'City of Westminster',
      'Bedford Borough Council', 'Central Bedfordshire Council', 'Bedfordshire County Council',
      'Cheshire East', 'Cheshire West and Chester', 'Cheshire',
      'Northamptonshire', 'North Northamptonshire', 'West Northamptonshire',
      'Bournemouth', 'Poole', 'Bournemouth, Christchurch and Poole', 'Dorset',
      'Essex County Council', 'Thurrock Council', 'Southend-on-Sea City Council',
      'Somerset', 'North Somerset', 'Bath and North East Somerset',
    ];
    const canonical = different.map(canonicalAuthority);
    assert.ok(canonical.every(Boolean), canonical.join(', '));
    assert.equal(new Set(canonical).size, different.length, canonical.join(', '));
  });

  it('knows no authority by a name the archive does not hold, and still groups its spellings', () => {
    for (const name of ['Cardiff Council', 'Newcastle-under-Lyme', 'Kingston', 'London Borough of Nowhere', 'Shopping list', '']) assert.equal(canonicalAuthority(name), undefined, name);
    assert.equal(canonicalAuthority(undefined), undefined);
    // Welsh councils, a workspace's own kinds: their reports still meet under one key.
    assert.equal(authorityKey('Cardiff Council'), authorityKey('City of Cardiff Council'));
    assert.equal(authorityKey('Hull'), authorityKey('Kingston upon Hull City Council'));
    assert.equal(authorityKey('London Corporation'), 'city of london');
  });

  it('reads the authority of an Ofsted download’s file name, and prefers the one the report gives', () => {
    assert.equal(authorityInFileName('north-east-lincolnshire-focused-visit-18-june-2021.txt'), 'North East Lincolnshire');
    assert.equal(authorityInFileName('002_9f986742e412e620.txt'), undefined);
    assert.equal(reportAuthority('Blackpool Borough Council', 'report.txt'), 'Blackpool');
    assert.equal(reportAuthority(undefined, 'london-corporation-inspection-06-april-2020.txt'), 'City of London');
    // A name no authority has, as a parse may leave it: the file name decides.
    assert.equal(reportAuthority('Slough Children First This letter summarises the findings', 'slough-focused-visit-22-february-2022.txt'), 'Slough');
    assert.equal(reportAuthority('Cardiff Council', 'report.txt'), 'Cardiff Council');
    assert.equal(reportAuthority(undefined, 'report.txt'), undefined);
  });
});

describe('authorities: the data', () => {
  it('holds the 153 authorities with children’s services today and the 6 abolished since 2009', () => {
    assert.deepEqual(
      (['county', 'london', 'metropolitan', 'unitary', 'abolished'] as const).map((group) => [group, authoritiesIn(group).length]),
      [['county', 21], ['london', 33], ['metropolitan', 36], ['unitary', 63], ['abolished', 6]],
    );
  });

  it('gives no two authorities the same key, and lets no alias take another’s name', () => {
    const keys = authorityNames.map(nameKey);
    assert.equal(new Set(keys).size, authorityNames.length);
    // Each name maps to itself: an alias with another authority's key would take it over.
    for (const name of authorityNames) assert.equal(canonicalAuthority(name), name);
  });

  it('follows Northamptonshire, Cumbria, Bournemouth and Poole, Bedfordshire and Cheshire to their successors', () => {
    assert.deepEqual(successorsOf('Northamptonshire'), [{ authority: 'North Northamptonshire', date: '2021-04-01' }, { authority: 'West Northamptonshire', date: '2021-04-01' }]);
    assert.deepEqual(successorsOf('Cumbria'), [{ authority: 'Cumberland', date: '2023-04-01' }, { authority: 'Westmorland and Furness', date: '2023-04-01' }]);
    assert.deepEqual(predecessorsOf('Bournemouth, Christchurch and Poole'), [{ authority: 'Bournemouth', date: '2019-04-01' }, { authority: 'Poole', date: '2019-04-01' }]);
    assert.deepEqual(predecessorsOf('Central Bedfordshire'), [{ authority: 'Bedfordshire', date: '2009-04-01' }]);
    assert.deepEqual(predecessorsOf('Cheshire West and Chester'), [{ authority: 'Cheshire', date: '2009-04-01' }]);
    // Councils that became unitary under the same name go on: no succession.
    for (const name of ['Dorset', 'Buckinghamshire', 'North Yorkshire', 'Somerset', 'Durham']) assert.deepEqual([successorsOf(name), predecessorsOf(name)], [[], []], name);
  });

  it('has every abolished authority succeeded by authorities of today, and only those', () => {
    const today = new Set(authorityNames.filter((name) => !authoritiesIn('abolished').includes(name)));
    for (const name of authoritiesIn('abolished')) {
      const successors = successorsOf(name);
      assert.ok(successors.length > 0, name);
      for (const { authority } of successors) assert.ok(today.has(authority), `${name} → ${authority}`);
    }
    for (const name of today) assert.deepEqual(successorsOf(name), [], name);
  });
});

describe('authorities: the seeds and both corpora', function () {
  // Read once, when the folders are there.
  let documents: { file: string; named?: string; authority?: string; title: string }[] = [];
  before(function () {
    if (!fs.existsSync(corpusDir) || !fs.existsSync(corpusWideDir)) this.skip();
    documents = [seedsDir, corpusDir, corpusWideDir].flatMap(textFiles).map((file) => {
      const report = parseReport(fs.readFileSync(file, 'utf8'));
      const name = path.basename(file);
      return { file: name, named: report.metadata.authority, authority: reportAuthority(report.metadata.authority, name), title: findingGroups(report, file, name).title };
    });
  });

  it('gives every document one of the archive’s authorities: 531 documents, 150 authorities', () => {
    assert.equal(documents.length, 531);
    const unknown = documents.filter((document) => !document.authority || canonicalAuthority(document.authority) !== document.authority);
    assert.deepEqual(unknown.map((document) => `${document.file}: ${document.named}`), []);
    assert.equal(new Set(documents.map((document) => document.authority)).size, 150);
  });

  it('agrees with the authority of the file name', () => {
    const disagree = documents.filter((document) => {
      const inFileName = canonicalAuthority(authorityInFileName(document.file));
      return inFileName !== undefined && inFileName !== document.authority;
    });
    assert.deepEqual(disagree.map((document) => `${document.file}: ${document.authority}`), []);
    // The seeds' names give no authority; every corpus document's does.
    assert.equal(documents.filter((document) => authorityInFileName(document.file)).length, documents.length - 5);
  });

  it('maps every name the reports give to an authority', () => {
    const unmapped = documents.filter((document) => !canonicalAuthority(document.named));
    assert.deepEqual(unmapped.map((document) => document.file), []);
  });

  it('shows no authority under two names: one title in the findings view, one key, per authority', () => {
    const titles = new Map<string, Set<string>>();
    for (const document of documents) {
      const key = authorityKey(document.title);
      titles.set(key, (titles.get(key) ?? new Set()).add(document.title));
    }
    assert.deepEqual([...titles.values()].filter((names) => names.size > 1).map((names) => [...names]), []);
    assert.equal(titles.size, 150);
    // And each name is the authority's canonical name, whatever the report called it.
    assert.deepEqual(documents.filter((document) => document.title !== document.authority).map((document) => document.file), []);
  });
});
