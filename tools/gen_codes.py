#!/usr/bin/env python3
"""Turn data/codes/*.tsv into codes_tables.c and codes_tables.h.

Usage: gen_codes.py OUT.c OUT.h TABLE.tsv...

Each TSV holds one code table: `# key: value` header lines (table, id, key, title,
title_en, standard, year, source..., caveat..., registry, code_column), one row of
column names, then one row per code. Bad input is refused with file:line. The output
is deterministic: entries in code order, codes in a hash table, names sorted for binary search.

Name keys are folded with the rules the library applies at run time (src/text/namefold.c):
NFKC, full case folding, every white-space character removed. Traditional characters
are folded to simplified at run time only, so keys must already be simplified.
"""
import os
import sys
import unicodedata

FLAG_REGISTRY = 1
FLAG_RETIRED = 2
FLAG_SUPPLEMENTARY = 4
FLAG_CATEGORY = 8
FLAG_PLACEHOLDER = 16
FLAG_STATISTICAL_ONLY = 32
FLAG_FAMILY = 64
FLAG_UNVERIFIED = 128

LEVELS = {'province': 1, 'prefecture': 2, 'county': 3}
MAX_CODE = 8            # codes are packed into a uint64 for the code hash
MAX_KEY = 255           # folded key bytes; the run-time limit is larger
# Columns whose cells (';' lists) become name keys, besides the code itself.
NAME_COLUMNS = ['name_zh', 'short_zh', 'romanization', 'name_en', 'alpha2', 'alpha3',
                'numeric', 'aliases', 'name_variants', 'name_zh_alt', 'other_names']
# Aliases, variants and former names: an official name of another code wins over them.
SECONDARY_COLUMNS = {'aliases', 'name_variants', 'name_zh_alt', 'other_names'}
KNOWN_COLUMNS = set(NAME_COLUMNS) | {
    'code', 'status', 'notes', 'scheme', 'registry_allowed', 'level', 'category',
    'family_of_student', 'name_source', 'kind', 'first_year_seen', 'last_year_seen',
    'sources'}
# Optional headers: code_column, registry (all), unpadded_codes (yes).
META_REQUIRED = ['table', 'id', 'key', 'title', 'title_en', 'standard', 'year']


def fail(where, msg):
    sys.stderr.write('%s: %s\n' % (where, msg))
    sys.exit(1)


def c_string(s):
    if s is None:
        return 'NULL'
    out = []
    for ch in s.encode('utf-8'):
        if ch in (0x22, 0x5c):
            out.append('\\' + chr(ch))
        elif 0x20 <= ch < 0x7f and ch != 0x3f:   # avoid trigraphs: escape '?'
            out.append(chr(ch))
        else:
            out.append('\\%03o' % ch)
    return '"' + ''.join(out) + '"'


def comment_safe(s):
    return s.replace('*/', '* /').replace('/*', '/ *')


def fold(s):
    """The run-time folding of src/text/namefold.c, for the characters tables use."""
    t = unicodedata.normalize('NFKC', s).casefold()
    t = unicodedata.normalize('NFKC', t)
    return ''.join(ch for ch in t if not ch.isspace())


def pack(code):
    b = code.encode('ascii')
    return int.from_bytes(b + b'\0' * (MAX_CODE - len(b)), 'big')


class Table:
    def __init__(self, path):
        self.path = path
        self.meta = {}
        self.sources = []
        self.caveats = []
        self.rows = []


def read(path):
    t = Table(path)
    header = None
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            where = '%s:%d' % (path, n)
            line = line.rstrip('\n')
            if not line:
                continue
            if line.startswith('#'):
                if header is not None:
                    continue
                body = line[1:].strip()
                if ':' not in body:
                    fail(where, 'header lines are "# key: value"')
                k, v = body.split(':', 1)
                k, v = k.strip(), v.strip()
                if k == 'source':
                    t.sources.append(v)
                elif k == 'caveat':
                    t.caveats.append(v)
                elif k in t.meta:
                    fail(where, 'duplicate header %s' % k)
                else:
                    t.meta[k] = v
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                for c in header:
                    if c not in KNOWN_COLUMNS:
                        fail(where, 'unknown column %r' % c)
                for k in META_REQUIRED:
                    if k not in t.meta:
                        fail(where, 'missing header line "# %s:"' % k)
                if t.meta.get('code_column', 'code') not in header:
                    fail(where, 'no code column')
                if 'name_zh' not in header:
                    fail(where, 'no name_zh column')
                continue
            if len(cells) != len(header):
                fail(where, 'expected %d tab-separated cells, got %d'
                     % (len(header), len(cells)))
            row = dict(zip(header, cells))
            row['_where'] = where
            t.rows.append(row)
    if header is None:
        fail(path, 'no header row')
    if not t.rows:
        fail(path, 'no rows')
    try:
        t.id = int(t.meta['id'])
        t.year = int(t.meta['year'])
    except ValueError:
        fail(path, 'id and year must be integers')
    return t


def flags_of(t, row):
    where = row['_where']
    fl = 0
    if t.meta.get('registry') == 'all':
        fl |= FLAG_REGISTRY
    ra = row.get('registry_allowed')
    if ra is not None:
        if ra not in ('yes', 'no', 'unknown'):
            fail(where, 'registry_allowed must be yes, no or unknown')
        if ra == 'yes':
            fl |= FLAG_REGISTRY
        else:
            fl &= ~FLAG_REGISTRY
        if ra == 'unknown':
            fl |= FLAG_UNVERIFIED
    st = row.get('status', '')
    if st in ('withdrawn',):
        fl |= FLAG_RETIRED
    elif st == 'supplementary':
        fl |= FLAG_SUPPLEMENTARY
    elif st == 'unverified':
        fl |= FLAG_UNVERIFIED
    elif st not in ('', 'standard', 'current'):
        fail(where, 'unknown status %r' % st)
    lv = row.get('level', '')
    if lv in ('category', 'category_1digit', 'category_2digit'):
        fl |= FLAG_CATEGORY
    elif lv not in ('', 'item') and lv not in LEVELS:
        fail(where, 'unknown level %r' % lv)
    kind = row.get('kind', '')
    if kind == 'placeholder':
        fl |= FLAG_PLACEHOLDER
    elif kind == 'statistical_only':
        fl |= FLAG_STATISTICAL_ONLY
    elif kind not in ('', 'division'):
        fail(where, 'unknown kind %r' % kind)
    if row.get('last_year_seen', 'current') != 'current':
        fl |= FLAG_RETIRED
    fam = row.get('family_of_student', '')
    if fam == 'yes':
        fl |= FLAG_FAMILY
    elif fam not in ('', 'no'):
        fail(where, 'family_of_student must be yes or empty')
    return fl


def split_list(cell):
    return [x.strip() for x in cell.split(';') if x.strip()]


def check_code(where, code):
    if not code or len(code) > MAX_CODE or not all(
            c.isascii() and (c.isdigit() or c.isupper()) for c in code):
        fail(where, 'a code is 1-%d digits or capital letters: %r' % (MAX_CODE, code))


def build(t):
    ccol = t.meta.get('code_column', 'code')
    seen = {}
    for row in t.rows:
        code = row[ccol]
        check_code(row['_where'], code)
        if code in seen:
            fail(row['_where'], 'duplicate code %s (first at %s)' % (code, seen[code]))
        seen[code] = row['_where']
        if not row['name_zh']:
            fail(row['_where'], 'empty name_zh')
        row['_code'] = code
        row['_flags'] = flags_of(t, row)
    if len(t.rows) > 32767:
        fail(t.path, 'more than 32767 rows: widen code_name_key.entry first')
    t.rows.sort(key=lambda r: (len(r['_code']), r['_code']))
    index = {r['_code']: i for i, r in enumerate(t.rows)}

    # Code index: the primary code plus alternative codes (alpha-2/alpha-3, numeric).
    alt = {}
    for i, row in enumerate(t.rows):
        cands = [row['_code']]
        for col in ('alpha2', 'alpha3', 'numeric'):
            v = row.get(col, '')
            if v and v != row['_code']:
                check_code(row['_where'], v)
                cands.append(v)
        for c in cands:
            alt.setdefault(c, []).append(i)
    t.code_keys = []
    for c, ents in alt.items():
        ents = sorted(set(ents))
        if len(ents) > 1:
            live = [e for e in ents if not t.rows[e]['_flags'] & FLAG_RETIRED]
            if c in index:
                ents = [index[c]]
            elif len(live) == 1:
                ents = live
            else:
                fail(t.path, 'code %s names several rows: %s'
                     % (c, ', '.join(t.rows[e]['_where'] for e in ents)))
        t.code_keys.append((pack(c), ents[0]))
    t.code_keys.sort()

    # Region parents.
    if t.meta['table'] == 'REGION':
        for row in t.rows:
            code = row['_code']
            if len(code) != 6 or not code.isdigit():
                fail(row['_where'], 'a region code is 6 digits')
            lvl = row.get('level', '')
            if lvl not in LEVELS:
                fail(row['_where'], 'unknown region level %r' % lvl)
            row['_level'] = LEVELS[lvl]
            row['_province'] = index.get(code[:2] + '0000', -1)
            row['_prefecture'] = index.get(code[:4] + '00', -1) if LEVELS[lvl] == 3 else -1
            try:
                row['_from'] = int(row['first_year_seen'])
                last = row['last_year_seen']
                row['_to'] = 0 if last == 'current' else int(last)
            except ValueError:
                fail(row['_where'], 'bad year')
            names = []
            for v in split_list(row.get('other_names', '')):
                if '@' not in v:
                    fail(row['_where'], 'other_names items are name@first-last or name@year')
                nm, yrs = v.split('@', 1)
                try:
                    parts = [int(x) for x in yrs.split('-')]
                    a, b = parts[0], parts[-1]
                    if len(parts) > 2:
                        raise ValueError
                except ValueError:
                    fail(row['_where'], 'bad years in %r' % v)
                names.append((nm, a, b))
            row['_other'] = names


    # Name index: folded key -> entry, or -1 when it names several entries.
    keys = {}
    for i, row in enumerate(t.rows):
        texts = [(row['_code'], 0)]
        for col in NAME_COLUMNS:
            if col not in row or col == 'numeric' and ccol == 'numeric':
                continue
            for v in split_list(row[col]):
                if col == 'other_names':
                    v = v.split('@', 1)[0]
                texts.append((v, 1 if col in SECONDARY_COLUMNS else 0))
        if t.meta.get('unpadded_codes') == 'yes' and row['_code'].isdigit():
            # Spreadsheets drop leading zeros: 01 arrives as 1.
            texts.append((str(int(row['_code'])), 1))
        if t.meta['table'] == 'REGION':
            texts.extend((x, 0) for x in region_paths(t, row))
            texts.extend((x, 1) for x in region_short_paths(t, row))
        for s, rank in texts:
            k = fold(s)
            if not k:
                continue
            if fold(k) != k:
                fail(row['_where'], 'name %r does not fold stably' % s)
            if len(k.encode('utf-8')) > MAX_KEY:
                fail(row['_where'], 'name %r is too long' % s)
            ranks = keys.setdefault(k, {})
            ranks[i] = min(rank, ranks.get(i, rank))
    t.name_keys = []
    t.ambiguous = []
    for k, ranks in keys.items():
        ents = sorted(ranks)
        if len(ents) > 1:
            # An official name beats an alias, variant or former name of another code.
            best = min(ranks.values())
            ents = [e for e in ents if ranks[e] == best]
        if len(ents) > 1:
            live = [e for e in ents if not t.rows[e]['_flags'] & FLAG_RETIRED]
            if len(live) == 1:
                ents = live
        if len(ents) > 1:
            t.ambiguous.append((k, [t.rows[e]['_code'] for e in ents]))
            t.name_keys.append((k.encode('utf-8'), -1))
        else:
            t.name_keys.append((k.encode('utf-8'), ents[0]))
    t.name_keys.sort()


def region_paths(t, row):
    """Full names people write: 河北省石家庄市正定县, 石家庄市正定县, 北京市朝阳区."""
    def real(i):
        return i >= 0 and not t.rows[i]['_flags'] & FLAG_PLACEHOLDER
    if row['_flags'] & FLAG_PLACEHOLDER or row['_level'] == 1:
        return []
    prov, pref = row['_province'], row['_prefecture']
    out = []
    if row['_level'] == 2:
        if real(prov):
            out.append(t.rows[prov]['name_zh'] + row['name_zh'])
        return out
    if real(pref):
        out.append(t.rows[pref]['name_zh'] + row['name_zh'])
        if real(prov):
            out.append(t.rows[prov]['name_zh'] + t.rows[pref]['name_zh'] + row['name_zh'])
    elif real(prov):
        out.append(t.rows[prov]['name_zh'] + row['name_zh'])
    return out


PROVINCE_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市']
PREFECTURE_SUFFIXES = ['地区', '盟', '市']


HASH_MULTIPLIER = 0x9E3779B97F4A7C15     # must match src/codes/lookup.c


def code_hash(code_keys):
    """Slots of an open-addressing table at most a quarter full: slot value is
    1 + the position of the key in code_keys, 0 = empty; linear probing."""
    bits = 4
    while (1 << bits) < 4 * len(code_keys):
        bits += 1
    if len(code_keys) >= 0xFFFF or bits > 20:
        fail('gen_codes.py', 'too many codes for the code hash')
    mask = (1 << bits) - 1
    slots = [0] * (1 << bits)
    for i, (key, _) in enumerate(code_keys):
        h = ((key * HASH_MULTIPLIER) & 0xFFFFFFFFFFFFFFFF) >> (64 - bits)
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = i + 1
    return bits, slots


def region_short(row):
    """The name without its administrative suffix (河北 for 河北省, 石家庄 for 石家庄市),
    for provinces and prefectures; None where there is no such form."""
    if row['_flags'] & FLAG_PLACEHOLDER:
        return None
    name = row['name_zh']
    suffixes = PROVINCE_SUFFIXES if row['_level'] == 1 else \
        PREFECTURE_SUFFIXES if row['_level'] == 2 else []
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[:-len(suf)]
    return None


def region_short_paths(t, row):
    """Short forms people write, below official names in rank: 北京, 内蒙古, 石家庄,
    河北石家庄, 河北石家庄市, 河北石家庄市正定县."""
    own = region_short(row)
    out = [own] if own else []
    prov = t.rows[row['_province']] if row['_province'] >= 0 else None
    pshort = region_short(prov) if prov is not None and prov is not row else None
    if pshort is None:
        return out
    if row['_level'] == 2:
        out.append(pshort + row['name_zh'])
        if own:
            out.append(pshort + own)
    elif row['_level'] == 3 and not row['_flags'] & FLAG_PLACEHOLDER:
        pref = t.rows[row['_prefecture']] if row['_prefecture'] >= 0 else None
        if pref is not None and not pref['_flags'] & FLAG_PLACEHOLDER:
            out.append(pshort + pref['name_zh'] + row['name_zh'])
        else:
            out.append(pshort + row['name_zh'])
    return out


def entry_line(t, i, row):
    short = row.get('short_zh') or None
    if short == row['name_zh']:
        short = None
    en = row.get('romanization') or row.get('name_en') or None
    a2 = row.get('alpha2') or None
    a3 = row.get('alpha3') or None
    parent = None
    if row.get('category') and row['category'] != row['_code']:
        parent = row['category']
    if t.meta['table'] == 'REGION':
        p = row['_prefecture'] if row['_prefecture'] >= 0 else row['_province']
        if p >= 0 and t.rows[p]['_code'] != row['_code']:
            parent = t.rows[p]['_code']
    return '    {%s, %s, %s, %s, %s, %s, %s, %d, %d, %d},\n' % (
        c_string(row['_code']), c_string(row['name_zh']), c_string(short), c_string(en),
        c_string(a2), c_string(a3), c_string(parent), row['_flags'], t.id, i)


def main():
    if len(sys.argv) < 4:
        fail('gen_codes.py', 'usage: gen_codes.py OUT.c OUT.h TABLE.tsv...')
    out_c, out_h, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    tables = [read(p) for p in inputs]
    by_id = {}
    for t in tables:
        if t.id in by_id:
            fail(t.path, 'duplicate table id %d (also %s)' % (t.id, by_id[t.id].path))
        by_id[t.id] = t
        build(t)
    max_id = max(by_id)
    for i in range(1, max_id + 1):
        if i not in by_id:
            fail('gen_codes.py', 'table ids must be 1..%d without gaps; %d missing'
                 % (max_id, i))
    tables = [by_id[i] for i in range(1, max_id + 1)]
    regions = [t for t in tables if t.meta['table'] == 'REGION']
    if len(regions) != 1:
        fail('gen_codes.py', 'exactly one REGION table expected')

    with open(out_h, 'w', encoding='utf-8') as h:
        h.write('/* Generated by tools/gen_codes.py from data/codes. Do not edit. */\n')
        h.write('#ifndef CODES_TABLES_H\n#define CODES_TABLES_H\n\n')
        h.write('#include "codes/codes.h"\n\n')
        h.write('enum { CODES_TABLE_MAX = %d, CODES_REGION_TABLE = %d };\n\n'
                % (max_id, regions[0].id))
        for t in tables:
            h.write('#define CODES_HAVE_TABLE_%s %d\n' % (t.meta['table'], t.id))
        h.write('\n/* Indexed by table id; entry 0 is unused. */\n')
        h.write('extern const struct code_table codes_tables[CODES_TABLE_MAX + 1];\n')
        h.write('/* Parallel to the entries of the region table. */\n')
        h.write('extern const struct region_entry codes_regions[%d];\n' % len(regions[0].rows))
        h.write('/* Former names of regions, per region in the order of data/codes. */\n')
        h.write('extern const struct region_name codes_region_names[];\n\n')
        h.write('#endif /* CODES_TABLES_H */\n')

    with open(out_c, 'w', encoding='utf-8') as c:
        c.write('/* Generated by tools/gen_codes.py from data/codes. Do not edit. */\n')
        c.write('#include "codes_tables.h"\n\n')
        c.write('/* The data files and include/stuinfo/codes.h agree on every table id. */\n')
        for t in tables:
            c.write('_Static_assert((int)STUINFO_TABLE_%s == %d, "table id of %s");\n'
                    % (t.meta['table'], t.id, comment_safe(t.path.split('/')[-1])))
        c.write('\n')
        pool, pool_offsets, pool_len = [], {}, [0]
        for t in tables:
            k = t.meta['key']
            c.write('/* %s: %s, %d rows */\n' % (comment_safe(k), comment_safe(t.path.split('/')[-1]),
                                                len(t.rows)))
            c.write('static const struct code_entry %s_entries[%d] = {\n' % (k, len(t.rows)))
            for i, row in enumerate(t.rows):
                c.write(entry_line(t, i, row))
            c.write('};\n\n')
            c.write('static const uint64_t %s_code_keys[%d] = {\n' % (k, len(t.code_keys)))
            for key, _ in t.code_keys:
                c.write('    UINT64_C(0x%016x),\n' % key)
            c.write('};\n\n')
            c.write('static const uint16_t %s_code_entries[%d] = {\n' % (k, len(t.code_keys)))
            line = []
            for _, e in t.code_keys:
                line.append('%d,' % e)
                if len(line) == 16:
                    c.write('    ' + ' '.join(line) + '\n')
                    line = []
            if line:
                c.write('    ' + ' '.join(line) + '\n')
            c.write('};\n\n')
            # Open addressing over the packed codes: one or two probes per lookup.
            bits, slots = code_hash(t.code_keys)
            c.write('static const uint16_t %s_code_hash[%d] = {\n' % (k, len(slots)))
            for i in range(0, len(slots), 16):
                c.write('    ' + ' '.join('%d,' % x for x in slots[i:i + 16]) + '\n')
            c.write('};\n\n')
            t.hash_bits = bits
            # Keys live in one pool and are found by offset: no relocations.
            c.write('static const struct code_name_key %s_names[%d] = {\n' % (k, len(t.name_keys)))
            for key, e in t.name_keys:
                off = pool_offsets.get(key)
                if off is None:
                    off = pool_offsets[key] = pool_len[0]
                    pool.append(key)
                    pool_len[0] += len(key)
                c.write('    {%d, %d, %d},\n' % (off, len(key), e))
            c.write('};\n\n')
        r = regions[0]
        former = []
        for row in r.rows:
            row['_names_first'] = len(former)
            former.extend(row['_other'])
        c.write('const struct region_name codes_region_names[%d] = {\n' % max(len(former), 1))
        for nm, a, b in former:
            c.write('    {%s, %d, %d},\n' % (c_string(nm), a, b))
        if not former:
            c.write('    {NULL, 0, 0},\n')
        c.write('};\n\n')
        c.write('const struct region_entry codes_regions[%d] = {\n' % len(r.rows))
        for i, row in enumerate(r.rows):
            other = ';'.join('%s@%d-%d' % x for x in row['_other']) or None
            c.write('    {%s, %s, %d, %d, %d, %d, %d, %d, %s, %d, %d},\n' % (
                c_string(row['_code']), c_string(row['name_zh']), row['_from'], row['_to'],
                row['_level'], row['_flags'], row['_province'], row['_prefecture'],
                c_string(other), row['_names_first'], len(row['_other'])))
        c.write('};\n\n')
        if pool_len[0] >= 1 << 31:
            fail('gen_codes.py', 'name pool too large')
        c.write('/* Folded names of every table, back to back (lengths are in the indexes). */\n')
        c.write('#if defined(__GNUC__)\n#pragma GCC diagnostic ignored "-Woverlength-strings"\n#endif\n')
        c.write('static const char codes_name_pool[%d] =\n' % (pool_len[0] + 1))
        chunk = b''
        for key in pool:
            chunk += key
            if len(chunk) >= 60:
                c.write('    %s\n' % c_string(chunk.decode('utf-8')))
                chunk = b''
        c.write('    %s;\n\n' % c_string(chunk.decode('utf-8')))
        c.write('const struct code_table codes_tables[CODES_TABLE_MAX + 1] = {\n')
        c.write('    {0},\n')
        for t in tables:
            k = t.meta['key']
            c.write('    {\n')
            c.write('        %d, %d, %s,\n' % (t.id, t.year, c_string(k)))
            c.write('        %s,\n' % c_string(t.meta['title']))
            c.write('        %s,\n' % c_string(t.meta['title_en']))
            c.write('        %s,\n' % c_string(t.meta['standard']))
            c.write('        %s,\n' % c_string('; '.join(t.sources)))
            c.write('        %s_entries, %d,\n' % (k, len(t.rows)))
            c.write('        %s_code_keys, %s_code_entries, %d,\n' % (k, k, len(t.code_keys)))
            c.write('        %s_code_hash, %d,\n' % (k, t.hash_bits))
            c.write('        codes_name_pool, %s_names, %d,\n' % (k, len(t.name_keys)))
            c.write('    },\n')
        c.write('};\n')

    # GEN_CODES_NOTES=1 lists the ambiguous names, for reviewing a data change.
    notes = os.environ.get('GEN_CODES_NOTES') == '1'
    for t in tables:
        if notes and t.meta['table'] != 'REGION':
            for k, codes in t.ambiguous:
                sys.stderr.write('%s: note: name %r is ambiguous (%s)\n'
                                 % (t.path, k, ', '.join(codes)))


if __name__ == '__main__':
    main()
