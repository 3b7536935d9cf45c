#!/usr/bin/env python3
"""Turn the data/fields TSV files into the field enums and descriptor tables of the student record.

Usage:
  gen_fields.py OUT.c OUT.h student.tsv family.tsv history.tsv lists.tsv
      internal descriptor tables (build directory)
  gen_fields.py --header OUT.h student.tsv family.tsv history.tsv lists.tsv
      the public enums, committed as include/stuinfo/student_fields.h
  gen_fields.py --check HEADER.h student.tsv family.tsv history.tsv lists.tsv
      exit 1 if the committed header differs from what the data files give

Bad input is refused with file:line. Output is deterministic.
"""
import re
import sys

HEADER = ['num', 'key', 'label_zh', 'kind', 'max', 'req', 'class', 'item']
LIST_HEADER = ['list', 'code', 'name_zh']
KINDS = ['text', 'name', 'pinyin', 'address', 'place', 'region', 'date', 'month',
         'month_or_present', 'idnum', 'ident', 'digits', 'phone', 'email', 'url',
         'postcode', 'flag', 'decimal', 'code']
# Tables of the code layer (issue 3, STUINFO_TABLE_*); everything else must be in lists.tsv.
CODE_TABLES = ['sex', 'ethnicity', 'nationality', 'id_doc_type', 'hmt_overseas',
               'political_status', 'health_status', 'hukou_type', 'relationship']
REQS = {'yes': 'MODEL_REQ_YES', 'cond': 'MODEL_REQ_COND', 'no': 'MODEL_REQ_NO'}
CLASSES = {'key': 'MODEL_CLASS_KEY', 'grey': 'MODEL_CLASS_GREY', 'open': 'MODEL_CLASS_OPEN'}
KEY_RE = re.compile(r'^[a-z][a-z0-9_]*$')


def fail(where, msg):
    sys.stderr.write('%s: %s\n' % (where, msg))
    sys.exit(1)


def c_string(s):
    out = []
    for ch in s.encode('utf-8'):
        if ch in (0x22, 0x5c):
            out.append('\\' + chr(ch))
        elif 0x20 <= ch < 0x7f and ch != 0x3f:
            out.append(chr(ch))
        else:
            out.append('\\%03o' % ch)
    return '"' + ''.join(out) + '"'


def rows_of(path, header):
    rows = []
    seen = False
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            where = '%s:%d' % (path, n)
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            if not seen:
                if cells != header:
                    fail(where, 'header must be: ' + '\\t'.join(header))
                seen = True
                continue
            if len(cells) != len(header):
                fail(where, 'expected %d cells, got %d' % (len(header), len(cells)))
            rows.append((where, cells))
    return rows


def read_lists(path):
    lists = {}
    for where, (name, code, zh) in rows_of(path, LIST_HEADER):
        if not KEY_RE.match(name) or not code or not zh:
            fail(where, 'bad list row')
        if name in CODE_TABLES:
            fail(where, 'list %r belongs to the code layer' % name)
        entries = lists.setdefault(name, [])
        if any(c == code for c, _ in entries):
            fail(where, 'duplicate code %r' % code)
        entries.append((code, zh))
    return lists


def read_fields(path, lists):
    fields = []
    keys = set()
    for where, (num, key, label, kind, mx, req, cls, item) in rows_of(path, HEADER):
        if not num.isdigit() or int(num) != len(fields) + 1:
            fail(where, 'num must be %d' % (len(fields) + 1))
        if not KEY_RE.match(key) or key in keys:
            fail(where, 'bad or duplicate key %r' % key)
        keys.add(key)
        table = ''
        if kind.startswith('code:'):
            table = kind[5:]
            kind = 'code'
            if table not in CODE_TABLES and table not in lists:
                fail(where, 'unknown code table %r' % table)
        if kind not in KINDS:
            fail(where, 'unknown kind %r' % kind)
        if not mx.isdigit() or not 0 < int(mx) <= 65535:
            fail(where, 'bad max %r' % mx)
        if req not in REQS:
            fail(where, 'bad req %r' % req)
        if cls not in CLASSES:
            fail(where, 'bad class %r' % cls)
        if not (item == 'jyt' or (item.isdigit() and 1 <= int(item) <= 72)):
            fail(where, 'bad item %r' % item)
        if not label:
            fail(where, 'empty label')
        fields.append(dict(num=int(num), key=key, label=label, kind=kind, table=table,
                           max=int(mx), req=req, cls=cls, item=0 if item == 'jyt' else int(item)))
    if not fields:
        fail(path, 'no fields')
    return fields


GROUPS = [('student', 'stuinfo_field', 'STUINFO_FIELD_', 'a field of the student record'),
          ('family', 'stuinfo_family_field', 'STUINFO_FAMILY_',
           'a field of one family member or guardian (family[i].key)'),
          ('history', 'stuinfo_history_field', 'STUINFO_HISTORY_',
           'a field of one study-history entry (history[i].key)')]


def enum_header(guard, intro, meta, groups, doc):
    """The committed public header: one enum per group of @p meta (name, ctype, prefix,
    what), each enumerator commented with its Chinese label. @p doc formats the enum's
    doc comment from `what`."""
    out = ['/*'] + [(' * ' + line).rstrip() for line in intro] + [' */',
           '#ifndef %s' % guard,
           '#define %s' % guard,
           '']
    for (name, ctype, prefix, what), fields in zip(meta, groups):
        out.append(doc % what)
        out.append('typedef enum %s {' % ctype)
        for i, f in enumerate(fields):
            comma = ',' if i + 1 < len(fields) else ''
            out.append('    %s%s = %d%s    /* %s */' % (prefix, f['key'].upper(), f['num'],
                                                      comma, f['label']))
        out.append('} %s;' % ctype)
        out.append('')
    out.append('#endif /* %s */' % guard)
    return '\n'.join(out) + '\n'


def public_header(groups):
    return enum_header('STUINFO_STUDENT_FIELDS_H', [
        'Field identifiers of the student record. GENERATED from the data/fields TSV files by',
        'tools/gen_fields.py --header; do not edit by hand (the test model-fields-header',
        'checks that this file and the data agree). Values never change; new fields are',
        'only appended.'], GROUPS, groups,
        '/** Identifies %s.\n *  The JSON key is the lower-case name. */')


def list_tables(lists, names):
    """The entries of every list in @p names order, and the index into them, as C
    initialiser lines: (entry lines, index lines, entry count)."""
    entries = []
    idx = ['    {0, 0, 0},']
    for n in names:
        idx.append('    {%s, %d, %d},' % (c_string(n), len(entries), len(lists[n])))
        entries += lists[n]
    lines = ['    {%s, %s},' % (c_string(code), c_string(zh)) for code, zh in entries]
    return lines, idx, len(entries)


def run(prog, argv, inputs_count, usage, load, tables_fn, header_fn):
    """The three modes every field generator has: tables (OUT.c OUT.h inputs...),
    --header FILE inputs... and --check FILE inputs... . @p load turns the input paths
    into the argument of @p tables_fn and @p header_fn."""
    mode = 'tables'
    if argv and argv[0] in ('--header', '--check'):
        mode = argv.pop(0)
    if mode == 'tables':
        if len(argv) != inputs_count + 2:
            fail(prog, 'usage: OUT.c OUT.h ' + usage)
        out_c, out_h, inputs = argv[0], argv[1], argv[2:]
    else:
        if len(argv) != inputs_count + 1:
            fail(prog, 'usage: --header|--check FILE ' + usage)
        target, inputs = argv[0], argv[1:]
    data = load(inputs)
    if mode == 'tables':
        c_text, h_text = tables_fn(*data)
        with open(out_c, 'w', encoding='utf-8') as f:
            f.write(c_text)
        with open(out_h, 'w', encoding='utf-8') as f:
            f.write(h_text)
        return 0
    text = header_fn(data[0])
    if mode == '--header':
        with open(target, 'w', encoding='utf-8') as f:
            f.write(text)
        return 0
    with open(target, encoding='utf-8') as f:
        if f.read() != text:
            fail(target, 'out of date: run tools/%s --header %s ...' % (prog, target))
    return 0


def tables(groups, lists):
    list_names = sorted(lists)
    h = ['/* GENERATED by tools/gen_fields.py from the data/fields TSV files. Do not edit. */',
         '#ifndef MODEL_FIELDS_TABLE_H', '#define MODEL_FIELDS_TABLE_H', '',
         '#include <stdint.h>', '',
         'enum model_kind {']
    h += ['    MODEL_KIND_%s,' % k.upper() for k in KINDS]
    h += ['};', '', '/* Tables of the code layer a field refers to (mapped in codes_seam.c). */',
          'enum model_code_table {', '    MODEL_CT_NONE = 0,']
    h += ['    MODEL_CT_%s,' % t.upper() for t in CODE_TABLES]
    h += ['};', '', 'enum model_list {', '    MODEL_LIST_NONE = 0,']
    h += ['    MODEL_LIST_%s,' % t.upper() for t in list_names]
    h += ['    MODEL_LIST_END', '};', '',
          'enum model_req { MODEL_REQ_NO, MODEL_REQ_YES, MODEL_REQ_COND };',
          'enum model_class { MODEL_CLASS_OPEN, MODEL_CLASS_GREY, MODEL_CLASS_KEY };', '',
          'struct model_field_desc {',
          '    const char *key;',
          '    const char *label_zh;',
          '    uint16_t max;           /* code points */',
          '    uint8_t kind;           /* enum model_kind */',
          '    uint8_t code_table;     /* enum model_code_table */',
          '    uint8_t list;           /* enum model_list */',
          '    uint8_t req;            /* enum model_req */',
          '    uint8_t cls;            /* enum model_class */',
          '    uint8_t item;           /* registry sheet item, 0 for JY/T-only */',
          '};', '',
          'struct model_list_entry { const char *code; const char *name; };',
          'struct model_list_desc { const char *name; uint16_t first, count; };', '']
    c = ['/* GENERATED by tools/gen_fields.py from the data/fields TSV files. Do not edit. */',
         '#include "fields_table.h"', '']
    for (name, _, _, _), fields in zip(GROUPS, groups):
        h.append('#define MODEL_%s_FIELD_COUNT %d' % (name.upper(), len(fields)))
        h.append('/* Indexed by field id; entry 0 is unused. */')
        h.append('extern const struct model_field_desc model_%s_fields[%d];'
                 % (name, len(fields) + 1))
        c.append('const struct model_field_desc model_%s_fields[%d] = {'
                 % (name, len(fields) + 1))
        c.append('    {0, 0, 0, 0, 0, 0, 0, 0, 0},')
        for f in fields:
            ct = 'MODEL_CT_' + f['table'].upper() if f['table'] in CODE_TABLES else 'MODEL_CT_NONE'
            li = ('MODEL_LIST_' + f['table'].upper()
                  if f['table'] and f['table'] not in CODE_TABLES else 'MODEL_LIST_NONE')
            c.append('    {%s, %s, %d, MODEL_KIND_%s, %s, %s, %s, %s, %d},' % (
                c_string(f['key']), c_string(f['label']), f['max'], f['kind'].upper(),
                ct, li, REQS[f['req']], CLASSES[f['cls']], f['item']))
        c.append('};')
        c.append('')
    entries, idx, count = list_tables(lists, list_names)
    h.append('extern const struct model_list_entry model_list_entries[%d];' % count)
    h.append('/* Indexed by enum model_list. */')
    h.append('extern const struct model_list_desc model_lists[MODEL_LIST_END];')
    c.append('const struct model_list_entry model_list_entries[%d] = {' % count)
    c += entries
    c.append('};')
    c.append('')
    c.append('const struct model_list_desc model_lists[MODEL_LIST_END] = {')
    c += idx
    c.append('};')
    h += ['', '#endif /* MODEL_FIELDS_TABLE_H */']
    return '\n'.join(c) + '\n', '\n'.join(h) + '\n'


def load(inputs):
    lists = read_lists(inputs[3])
    return [read_fields(p, lists) for p in inputs[:3]], lists


def main(argv):
    return run('gen_fields.py', argv, 4, 'student family history lists', load, tables,
               public_header)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
