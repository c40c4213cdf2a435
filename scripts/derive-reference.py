#!/usr/bin/env python3
"""Derives the reference tables Caravan ships from the public datasets in ../shared/data.

Run from the repository root:  python3 scripts/derive-reference.py [../shared/data]
It rewrites the generated files under caravan-engine/src/main/resources/io/caravan/reference/.
Hand-written tables (legal rules, high-risk jurisdictions, FX rates, disclosure rules, the decision
policy) are not touched. Every output names its source in its header lines.
"""
import csv, gzip, hashlib, io, os, sys

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join('..', 'shared', 'data')
OUT = os.path.join('caravan-engine', 'src', 'main', 'resources', 'io', 'caravan', 'reference')


def sha(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        h.update(f.read())
    return h.hexdigest()[:16]


def write(name, header_lines, columns, rows):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        for line in header_lines:
            f.write('# ' + line + '\n')
        w = csv.writer(f, lineterminator='\n')
        w.writerow(columns)
        for r in rows:
            w.writerow(r)
    print(f'{name}: {len(rows)} rows')


# CLDR's display names are short and familiar; a few are abbreviations that read badly in a report.
NAME_OVERRIDES = {'US': 'United States', 'GB': 'United Kingdom', 'AE': 'United Arab Emirates'}


def countries():
    src = os.path.join(DATA, 'geo-hazards-ports', 'country-codes.csv')
    rows = []
    for r in csv.DictReader(open(src, encoding='utf-8')):
        a2 = r['ISO3166-1-Alpha-2'].strip()
        if len(a2) != 2:
            continue
        name = NAME_OVERRIDES.get(a2) or r['CLDR display name'] or r['official_name_en']
        rows.append([a2, r['ISO3166-1-Alpha-3'], r['ISO3166-1-numeric'].zfill(3), name,
                     r['official_name_en'], r['Region Name'], r['Sub-region Name'],
                     r['ISO4217-currency_alphabetic_code']])
    rows.sort()
    write('countries.csv',
          ['version: iso3166-datahub-' + sha(src),
           'source: ISO 3166-1 codes with UN M49 regions, datahub.io core/country-codes (PDDL-1.0)',
           'derived by scripts/derive-reference.py'],
          ['alpha2', 'alpha3', 'numeric', 'name', 'official_name', 'region', 'subregion', 'currency'], rows)
    return {r[1]: r[0] for r in rows}, rows


LPI_NAMES = {
    'Bahamas, The': 'BS', 'Dem. Rep. of the Congo': 'CD', 'Congo': 'CG', 'China, Hong Kong SAR': 'HK',
    'Republic of Korea': 'KR', "Lao People's Dem. Rep.": 'LA', 'Republic of Moldova': 'MD',
    'Netherlands (Kingdom of the)': 'NL', 'China, Taiwan Province of': 'TW', 'Turkiye': 'TR',
    'Venezuela (Bolivarian Rep. of)': 'VE', 'Viet Nam': 'VN', 'Iran (Islamic Republic of)': 'IR',
    'Bolivia (Plurinational State of)': 'BO', 'United States': 'US', 'United Kingdom': 'GB',
    'Russian Federation': 'RU', 'Syrian Arab Republic': 'SY', 'Czechia': 'CZ',
}


def indicators(a3_to_a2, country_rows):
    wgi = os.path.join(DATA, 'country-indices', 'wgidataset.csv')
    pv, rl = {}, {}
    for r in csv.DictReader(open(wgi, encoding='utf-8-sig')):
        if r['year'] != '2023' or r['estimate'] in ('', '..', '#N/A'):
            continue
        a2 = a3_to_a2.get(r['code'])
        if not a2:
            continue
        if r['indicator'] == 'pv':
            pv[a2] = r['estimate']
        elif r['indicator'] == 'rl':
            rl[a2] = r['estimate']
    inform = os.path.join(DATA, 'country-indices', 'inform_risk_2025_a-z.DERIVED.csv')
    nat = {}
    for r in csv.DictReader(open(inform, encoding='utf-8-sig')):
        a2 = a3_to_a2.get(r['ISO3'])
        if a2 and r['Natural'] not in ('', 'x'):
            nat[a2] = '%.1f' % float(r['Natural'])
    lpi_src = os.path.join(DATA, 'country-indices', 'lpi_2023.csv')
    by_name = {}
    for row in country_rows:
        by_name[row[3]] = row[0]
        by_name[row[4]] = row[0]
    lpi = {}
    for r in csv.DictReader(open(lpi_src, encoding='utf-8-sig')):
        a2 = LPI_NAMES.get(r['Country']) or by_name.get(r['Country'])
        if a2:
            lpi[a2] = r['LPI Score']
        else:
            print('LPI: no ISO code for', r['Country'], file=sys.stderr)
    rows = []
    for a2 in sorted(set(pv) | set(nat) | set(lpi)):
        rows.append([a2, pv.get(a2, ''), rl.get(a2, ''), nat.get(a2, ''), lpi.get(a2, '')])
    write('country-indicators.csv',
          ['version: indicators-wgi2023-inform2025-lpi2023-' + sha(wgi)[:8] + sha(inform)[:8],
           'political_stability, rule_of_law: World Bank Worldwide Governance Indicators, 2024 update, year 2023 estimates'
           ' (-2.5 weak .. +2.5 strong), CC BY 4.0',
           'natural_hazard: EC JRC INFORM Risk Index 2025, Natural hazard & exposure dimension (0 low .. 10 high), CC BY 4.0',
           'lpi: World Bank Logistics Performance Index 2023 overall score (1 low .. 5 high), CC BY 4.0',
           'blank = not published for that economy',
           'derived by scripts/derive-reference.py'],
          ['alpha2', 'political_stability', 'rule_of_law', 'natural_hazard', 'lpi'], rows)


def ports():
    src = os.path.join(DATA, 'geo-hazards-ports', 'wpi_UpdatedPub150.csv.gz')
    rows = {}
    with gzip.open(src, 'rt', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            code = r['UN/LOCODE'].replace(' ', '').upper()
            if len(code) != 5 or not code.isalnum():
                continue
            size = {'Large': 'L', 'Medium': 'M', 'Small': 'S', 'Very Small': 'V'}.get(r['Harbor Size'], '')
            if code in rows:
                continue
            rows[code] = [code, r['Main Port Name'], code[:2], '%.4f' % float(r['Latitude']),
                          '%.4f' % float(r['Longitude']), size]
    write('ports.csv',
          ['version: wpi-pub150-' + sha(src),
           'source: NGA World Port Index, Pub 150 (US Government work, public domain); UN/LOCODE as published there',
           'harbor_size: L large, M medium, S small, V very small',
           'derived by scripts/derive-reference.py'],
          ['locode', 'name', 'country', 'lat', 'lon', 'harbor_size'], sorted(rows.values()))


def hs():
    src = os.path.join(DATA, 'geo-hazards-ports', 'hs2022_harmonized-system.csv')
    rows = []
    for r in csv.DictReader(open(src, encoding='utf-8')):
        if r['level'] == '4':
            rows.append([r['hscode'], r['section'], r['description']])
    write('hs2022-headings.csv',
          ['version: hs2022-' + sha(src),
           'source: HS 2022 nomenclature (UN Comtrade), datahub.io harmonized-system (PDDL-1.0); 4-digit headings',
           'derived by scripts/derive-reference.py'],
          ['heading', 'section', 'description'], rows)


def sanctions_excerpt():
    """A small excerpt of OFAC's SDN list in its own legacy CSV format, for the demo world."""
    sdn = os.path.join(DATA, 'sanctions', 'ofac_2021-07_sdn.csv')
    alt = os.path.join(DATA, 'sanctions', 'ofac_2021-07_alt.csv')
    raw = open(sdn, 'rb').read().decode('latin-1').replace('\x1a', '')
    keep, lines = set(), []
    for line in raw.splitlines():
        if not line.strip():
            continue
        ent = int(line.split(',', 1)[0])
        if ent % 25 == 0:
            keep.add(ent)
            lines.append(line)
    alts = []
    for line in open(alt, 'rb').read().decode('latin-1').replace('\x1a', '').splitlines():
        if line.strip() and int(line.split(',', 1)[0]) in keep:
            alts.append(line)
    d = os.path.join(OUT, 'sanctions')
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'sdn.csv'), 'w', encoding='utf-8', newline='\n').write('\n'.join(lines) + '\n')
    open(os.path.join(d, 'alt.csv'), 'w', encoding='utf-8', newline='\n').write('\n'.join(alts) + '\n')
    with open(os.path.join(d, 'SOURCE.txt'), 'w', encoding='utf-8') as f:
        f.write('Excerpt of the US Treasury OFAC Specially Designated Nationals list, legacy CSV format\n'
                '(sdn.csv and alt.csv, no header, -0- = empty), snapshot of July 2021.\n'
                'US Government work, public domain. Every entry whose ent_num is a multiple of 25 is kept,\n'
                'with its alternate names, so the demo can plant real sanctioned names.\n'
                'This is NOT a screening list for production use: load the current full list with --sanctions.\n'
                f'list-date: 2021-07-01\nentries: {len(lines)}\nalternate-names: {len(alts)}\n'
                f'source-sha256-prefix: {sha(sdn)}\nderived by scripts/derive-reference.py\n')
    print(f'sanctions excerpt: {len(lines)} entries, {len(alts)} alternate names')


if __name__ == '__main__':
    a3, crow = countries()
    indicators(a3, crow)
    ports()
    hs()
    sanctions_excerpt()
