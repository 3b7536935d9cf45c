#!/usr/bin/env python3
"""tools/gen_codes.py refuses bad data with file:line and is deterministic.

Usage: test_gen_codes.py GEN_CODES.py DATA_DIR
"""
import os
import subprocess
import sys
import tempfile

GEN, DATA = sys.argv[1], sys.argv[2]
HEAD = ('# table: ETHNICITY\n# id: 1\n# key: ethnicity\n# title: t\n# title_en: t\n'
        '# standard: s\n# year: 1991\n')
REGION = ('# table: REGION\n# id: 2\n# key: region\n# title: t\n# title_en: t\n'
          '# standard: s\n# year: 2024\n'
          'code\tname_zh\tlevel\tkind\tfirst_year_seen\tlast_year_seen\tother_names\tsources\n'
          '110000\t北京市\tprovince\tdivision\t1980\tcurrent\t\tA\n')
BAD = {
    'duplicate code': HEAD + 'code\tname_zh\n01\t汉族\n01\t蒙古族\n',
    'unknown column': HEAD + 'code\tname_zh\tcolour\n01\t汉族\tred\n',
    'expected 2 tab-separated cells': HEAD + 'code\tname_zh\n01\t汉族\textra\n',
    'missing header line': '# table: ETHNICITY\ncode\tname_zh\n01\t汉族\n',
    'a code is': HEAD + 'code\tname_zh\n0 1\t汉族\n',
    'empty name_zh': HEAD + 'code\tname_zh\n01\t\n',
    'unknown status': HEAD + 'code\tname_zh\tstatus\n01\t汉族\tmaybe\n',
}
failures = 0


def run(paths, out_dir):
    return subprocess.run([sys.executable, GEN, os.path.join(out_dir, 'o.c'),
                           os.path.join(out_dir, 'o.h')] + paths,
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    region = os.path.join(tmp, 'region.tsv')
    with open(region, 'w', encoding='utf-8') as f:
        f.write(REGION)
    for want, text in BAD.items():
        path = os.path.join(tmp, 'bad.tsv')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        r = run([path, region], tmp)
        if r.returncode == 0 or want not in r.stderr or not r.stderr.startswith(path):
            print('not refused as expected (%s): rc=%d %s' % (want, r.returncode, r.stderr))
            failures += 1
    # Deterministic: the real data twice gives the same bytes.
    files = sorted(os.path.join(DATA, n) for n in os.listdir(DATA) if n.endswith('.tsv'))
    outs = []
    for i in range(2):
        d = os.path.join(tmp, 'run%d' % i)
        os.mkdir(d)
        r = run(files, d)
        if r.returncode != 0:
            print('real data refused: ' + r.stderr)
            failures += 1
            break
        with open(os.path.join(d, 'o.c'), 'rb') as f:
            outs.append(f.read())
    if len(outs) == 2 and outs[0] != outs[1]:
        print('output differs between runs')
        failures += 1
sys.exit(1 if failures else 0)
