#!/usr/bin/env python3
"""Build the idnum layer's O(1) address-code index from data/codes/region.tsv.

Usage: gen_idnum_regions.py OUT.c OUT.h region.tsv

For every 4-digit prefix that has codes, a slot holds a byte per last two digits (1 +
the code's position among the slot's codes, 0 for a code in no list), the rank of the
slot's first code among all codes in code order, and the ranks of its prefecture
(XXXX00, unless a placeholder row such as 市辖区) and province (XX0000), 0xFFFF for none.
That rank is the code's index in the codes layer's region table (same file, same order).

For every code, an info entry holds what the verify fast path writes into a result, all
worked out here rather than per call: its warning flags, the historic flag, and its own,
its prefecture's and its province's names as offsets in one name pool (0 = no name).
Those are the latest names; birth years in [names_lo, names_hi] fall in the years of some
former name of one of the three, and take the codes layer's year-by-year look-up instead.
Deterministic; refuses bad input with file:line.
"""
import sys


def fail(where, msg):
    sys.stderr.write('%s: %s\n' % (where, msg))
    sys.exit(1)


def former_years(where, cell):
    """(first, last) years of each former name in an other_names cell (name@a-b;...),
    parsed as tools/gen_codes.py does."""
    years = []
    for item in (x.strip() for x in cell.split(';')):
        if not item:
            continue
        if '@' not in item:
            fail(where, 'other_names items are name@first-last or name@year')
        try:
            parts = [int(x) for x in item.split('@', 1)[1].split('-')]
        except ValueError:
            fail(where, 'bad years in %r' % item)
        if len(parts) > 2:
            fail(where, 'bad years in %r' % item)
        years.append((parts[0], parts[-1]))
    return years


def c_string(text):
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')


# Flag bits of stuinfo_idnum_flag (include/stuinfo/idnum.h; values never change).
FLAG_ADDRESS_PROVINCE = 64
FLAG_ADDRESS_PREFECTURE = 128
FLAG_ADDRESS_HISTORIC = 256


def read(path):
    rows = {}
    header = None
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            where = '%s:%d' % (path, n)
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                for col in ('code', 'last_year_seen'):
                    if col not in header:
                        fail(where, 'missing column %s' % col)
                continue
            code = cells[header.index('code')]
            if len(code) != 6 or not code.isdigit():
                fail(where, 'bad code %r' % code)
            if code in rows:
                fail(where, 'duplicate code %s' % code)
            kind = cells[header.index('kind')] if 'kind' in header else 'division'
            name = cells[header.index('name_zh')] if 'name_zh' in header else ''
            other = cells[header.index('other_names')] if 'other_names' in header else ''
            rows[code] = (cells[header.index('last_year_seen')] == 'current',
                          kind == 'placeholder', name, former_years(where, other))
    if not rows:
        fail(path, 'no codes')
    return rows


def main():
    if len(sys.argv) != 4:
        fail('gen_idnum_regions.py', 'usage: gen_idnum_regions.py OUT.c OUT.h region.tsv')
    out_c, out_h, path = sys.argv[1:4]
    rows = read(path)
    codes = sorted(rows)
    rank_of = {code: rank for rank, code in enumerate(codes)}
    slots = []           # [prefix, low bytes, base rank, prefecture rank, province rank]
    slot_of = {}
    for rank, code in enumerate(codes):
        prefix, low = int(code[:4]), int(code[4:])
        if prefix not in slot_of:
            pref = code[:4] + '00'
            prov = code[:2] + '0000'
            pref_rank = (rank_of[pref] if pref in rank_of and not rows[pref][1]
                         and code[2:4] != '00' else 0xFFFF)
            prov_rank = rank_of[prov] if prov in rank_of else 0xFFFF
            slot_of[prefix] = len(slots)
            slots.append([prefix, [0] * 100, rank, pref_rank, prov_rank])
        s = slots[slot_of[prefix]]
        s[1][low] = rank - s[2] + 1
    if len(slots) >= 65535 or len(codes) >= 65535:
        fail(path, 'too many codes')

    # The name pool: each distinct name once, after a NUL at offset 0 (= no name).
    pool = ['']
    pool_off = {}
    pool_len = 1

    def name_off(name):
        nonlocal pool_len
        if name not in pool_off:
            pool_off[name] = pool_len
            pool.append(name)
            pool_len += len(name.encode('utf-8')) + 1
        return pool_off[name]

    # Per code, as src/idnum/region_index.c's look-up by year gives them for a year in
    # no former name's years: its name, its prefecture's and its province's.
    infos = []
    for rank, code in enumerate(codes):
        current, placeholder, name, _ = rows[code]
        s = slots[slot_of[int(code[:4])]]
        own = [code]
        if code.endswith('0000'):
            prov, pref = code, None
            flags = FLAG_ADDRESS_PROVINCE
        else:
            prov = codes[s[4]] if s[4] != 0xFFFF else None
            if code.endswith('00'):
                pref = None if placeholder else code
                flags = FLAG_ADDRESS_PREFECTURE
            else:
                pref = codes[s[3]] if s[3] != 0xFFFF else None
                flags = 0 if current else FLAG_ADDRESS_HISTORIC
        named = own + [c for c in (pref, prov) if c is not None]
        spans = [y for c in named for y in rows[c][3]]
        lo = min(a for a, _ in spans) if spans else 32767
        hi = max(b for _, b in spans) if spans else -32768
        if spans and not (-32768 <= lo <= hi <= 32767):
            fail(path, 'years of the former names of %s out of range' % code)
        infos.append((name_off(name),
                      name_off(rows[pref][2]) if pref is not None else 0,
                      name_off(rows[prov][2]) if prov is not None else 0,
                      flags, 0 if current else 1, lo, hi))
    if pool_len >= 1 << 31:
        fail(path, 'name pool too large')

    with open(out_h, 'w', encoding='utf-8') as h:
        h.write('/* Generated by tools/gen_idnum_regions.py from data/codes/region.tsv. */\n')
        h.write('#ifndef IDNUM_REGIONS_TABLE_H\n#define IDNUM_REGIONS_TABLE_H\n\n')
        h.write('#include <stdint.h>\n\n')
        h.write('#define IDNUM_REGION_CODES %d\n\n' % len(codes))
        h.write('/* Slot + 1 of each 4-digit prefix, 0 = no code under it. */\n')
        h.write('extern const uint16_t idnum_region_slot[10000];\n')
        h.write('struct idnum_region_slot {\n'
                '    uint32_t base;              /* rank of the first code of the slot */\n'
                '    uint16_t prefecture;        /* rank of XXXX00 (not a placeholder), or 0xFFFF */\n'
                '    uint16_t province;          /* rank of XX0000, or 0xFFFF */\n'
                '    uint8_t low[100];           /* XXXXnn: 1 + rank - base, 0 = in no list */\n'
                '};\n')
        h.write('extern const struct idnum_region_slot idnum_region_slots[%d];\n\n' % len(slots))
        h.write('/* What a result gets for a listed code, by rank. Names are offsets in\n'
                ' * idnum_region_pool (0 = none), the latest ones: birth years in\n'
                ' * [names_lo, names_hi] need the look-up by year. */\n')
        h.write('struct idnum_region_info {\n'
                '    uint32_t name;\n'
                '    uint32_t prefecture;\n'
                '    uint32_t province;\n'
                '    uint16_t flags;             /* ADDRESS_PROVINCE, _PREFECTURE or _HISTORIC */\n'
                '    uint8_t historic;           /* 1 if not in the current list */\n'
                '    uint8_t reserved;\n'
                '    int16_t names_lo;           /* 32767 and -32768: names of every year */\n'
                '    int16_t names_hi;\n'
                '};\n')
        h.write('extern const struct idnum_region_info idnum_region_infos[%d];\n' % len(codes))
        h.write('extern const char idnum_region_pool[%d];\n\n' % (pool_len + 1))
        h.write('#endif /* IDNUM_REGIONS_TABLE_H */\n')

    with open(out_c, 'w', encoding='utf-8') as c:
        c.write('/* Generated by tools/gen_idnum_regions.py from data/codes/region.tsv. */\n')
        c.write('#include "idnum/idnum_regions_table.h"\n\n')
        c.write('const uint16_t idnum_region_slot[10000] = {\n')
        for prefix in sorted(slot_of):
            c.write('    [%d] = %d,\n' % (prefix, slot_of[prefix] + 1))
        c.write('};\n\n')
        c.write('const struct idnum_region_slot idnum_region_slots[%d] = {\n' % len(slots))
        for prefix, low, base, pref, prov in slots:
            used = max(i for i, v in enumerate(low) if v) + 1
            c.write('    {%d, %d, %d, {%s}},\n'
                    % (base, pref, prov, ', '.join(str(v) for v in low[:used])))
        c.write('};\n\n')
        c.write('const struct idnum_region_info idnum_region_infos[%d] = {\n' % len(codes))
        for info in infos:
            c.write('    {%d, %d, %d, %d, %d, 0, %d, %d},\n' % info)
        c.write('};\n\n')
        c.write('#if defined(__GNUC__)\n'
                '#pragma GCC diagnostic ignored "-Woverlength-strings"\n#endif\n')
        c.write('const char idnum_region_pool[%d] =\n    "\\0"\n' % (pool_len + 1))
        for name in pool[1:]:
            c.write('    %s "\\0"\n' % c_string(name))
        c.write('    ;\n')


if __name__ == '__main__':
    main()
