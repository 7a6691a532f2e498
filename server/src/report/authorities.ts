// The authorities as the archive knows them: one canonical name per authority, however a
// report or its file name words it, and the successions that an authority's history
// follows across a reorganisation.
//
// The names (authorities.json) are the plain names Ofsted's archive files the reports
// under: the place alone, without the words that say what kind of council it is
// (`Essex`, not `Essex County Council`; `Bristol`, not `Bristol City Council` or the
// register's `Bristol, City of`; `Durham`, not `County Durham`; `Kingston upon Hull`,
// not `Hull`), except where those words are the name itself (`City of London`).
//
// A rule brings most spellings to that name: it sets aside the council's words at either
// end (`London Borough of`, `Royal Borough of`, `Metropolitan Borough Council`, `County
// Council`, `City of`, `MBC`), `the`, `and`, case, apostrophes and hyphens. The data
// holds only what no rule can know: which names exist, their short forms and trusts, and
// who took over from whom.
import data from './authorities.json';
import { capitalise, fold } from './text';

/** How the archive groups the authorities: the kind of council each is, or was. */
export type AuthorityGroup = keyof typeof data.authorities;

/** One authority that took over from another, on the day it did (`2021-04-01`). */
export interface Succession {
  readonly authority: string;
  readonly date: string;
}

/** Every authority's canonical name, today's and the abolished, in the data's order. */
export const authorityNames: readonly string[] = Object.values(data.authorities).flat();

/** The canonical names of one group of authorities (`london`: the City and the 32 boroughs). */
export function authoritiesIn(group: AuthorityGroup): readonly string[] {
  return data.authorities[group];
}

// ------------------------------------------------------------------ the rule

// A council's words at the start, with the `of` that joins them to the place:
// `London Borough of`, `Metropolitan Borough of`, `Council of the`, `Corporation of`.
const councilPrefix = /^(?:(?:london|royal|metropolitan|county|city|district)\s+)?(?:borough|city|county|district|council|corporation)(?:\s+council)?\s+of\s+(?:the\s+)?/;
// The register's inverted form: `Bristol, City of`, `Herefordshire, County of`.
const invertedCouncil = /\s(?:city|county|borough)\s+of$/;
const councilWords = new Set(['council', 'county', 'city', 'borough', 'metropolitan', 'district', 'corporation', 'unitary', 'authority', 'mbc', 'mdc', 'bc', 'cc']);
// What a report puts after the place when it means the services, not the council:
// `Medway Children’s Services`, `Birmingham Children’s Trust`, `Dorset local area`.
const servicesWords = /\b(?:local authority|childrens? services(?: trust)?|childrens? trust|local area(?: partnership)?)\b/g;

/**
 * A name folded so that one council's spellings agree and different councils' do not:
 * `the London Borough of Lambeth` and `Lambeth Council` are `lambeth`; `Telford & Wrekin`
 * and `telford-wrekin` are `telford wrekin`. The place's own words stay, so `North East
 * Lincolnshire` and `Lincolnshire`, `Kingston upon Hull` and `Kingston upon Thames`, stay
 * apart.
 */
export function nameKey(name: string): string {
  let key = fold(name)
    // `Trafford Council’s`, `Children’s`: a possessive says nothing of which council.
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(servicesWords, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(councilPrefix, '')
    .replace(invertedCouncil, '');
  const parts = key.split(' ');
  // `County Durham`, `Essex County Council`: the council's words at either end, while a
  // place name remains.
  while (parts.length > 1 && councilWords.has(parts[parts.length - 1])) parts.pop();
  while (parts.length > 1 && councilWords.has(parts[0])) parts.shift();
  // `Telford and Wrekin`, `telford-wrekin`: the `and` says nothing about which council.
  key = parts.filter((part) => part !== 'and').join(' ');
  // The City of London's `City of` is its name, not its kind of council; no other council
  // is called London.
  return key === 'london' ? 'city of london' : key;
}

// ------------------------------------------------------------------ the data

const byKey = new Map<string, string>();
// A report's authority is mostly its canonical name already (historyReport gives it): its
// key is looked up, not worked out, each time the workspace's reports are grouped.
const keyOf = new Map<string, string>();
for (const name of authorityNames) {
  byKey.set(nameKey(name), name);
  keyOf.set(name, nameKey(name));
}
for (const [alias, name] of Object.entries(data.aliases)) byKey.set(nameKey(alias), name);

/** The authority's canonical name for any name a report gives it, or undefined when the archive knows no such authority. */
export function canonicalAuthority(name: string | undefined): string | undefined {
  return name === undefined ? undefined : byKey.get(nameKey(name));
}

/**
 * The key that groups reports by authority: the canonical name's key when the archive
 * knows the authority (so `Hull` meets `Kingston upon Hull`), else the name's own by the
 * rule (a workspace's reports may be of authorities outside England).
 */
export function authorityKey(name: string): string {
  return keyOf.get(name) ?? nameKey(canonicalAuthority(name) ?? name);
}

/** The authorities that took over an abolished authority's children's services (Northamptonshire: North and West Northamptonshire). */
export function successorsOf(authority: string): readonly Succession[] {
  return data.successions.filter((succession) => succession.from === authority).flatMap(({ to, date }) => to.map((successor) => ({ authority: successor, date })));
}

/** The abolished authorities whose children's services this one took over (Bournemouth, Christchurch and Poole: Bournemouth and Poole). */
export function predecessorsOf(authority: string): readonly Succession[] {
  return data.successions.filter((succession) => succession.to.includes(authority)).map(({ from, date }) => ({ authority: from, date }));
}

// ------------------------------------------------------------------ a report's authority

// `sandwell-inspection-02-december-2025.txt`: Ofsted names its downloads by the authority.
const downloadName = /^(.+?)-(?:inspection|focused-visit|send|monitoring-visit|jtai)-/i;

/** The authority an Ofsted download's file name gives (`north-east-lincolnshire-…` → `North East Lincolnshire`). */
export function authorityInFileName(fileName: string): string | undefined {
  const slug = downloadName.exec(fileName)?.[1];
  return slug ? slug.split('-').filter(Boolean).map(capitalise).join(' ') : undefined;
}

/**
 * A report's authority: its canonical name, from the name the report gives or else from
 * its file name's; failing both, the name as the report or the file name gives it; or
 * undefined when neither gives one.
 */
export function reportAuthority(named: string | undefined, fileName: string): string | undefined {
  const inFileName = authorityInFileName(fileName);
  return canonicalAuthority(named) ?? canonicalAuthority(inFileName) ?? named ?? inFileName;
}
