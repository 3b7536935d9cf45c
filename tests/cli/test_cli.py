"""Tests of the stuinfo command: run the built program, check output and exit status.

Run by meson (suite 'cli') with STUINFO_CLI set to the built program.
"""
import json
import os
import subprocess

import pytest

CLI = os.environ.get('STUINFO_CLI', 'stuinfo')
VALID = '11010519491231002X'
BAD_CHECK = '110105194912310021'
LEGACY = '110105491231002'


def run(*args, stdin=None, env=None):
    e = dict(os.environ)
    for k in ('LC_ALL', 'LC_MESSAGES', 'LANG'):
        e.pop(k, None)
    e.update(env or {})
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True,
                          env=e, timeout=60)


def json_lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_help_lists_commands_in_chinese_by_default():
    r = run('--help')
    assert r.returncode == 0
    for cmd in ('check', 'id', 'codes', 'request'):
        assert cmd in r.stdout
    assert '用法' in r.stdout


def test_help_per_command_in_english():
    for cmd in ('check', 'id', 'codes', 'request'):
        r = run(cmd, '--help', '--lang', 'en')
        assert r.returncode == 0, cmd
        assert r.stdout.startswith('usage: stuinfo ' + cmd), r.stdout


def test_locale_selects_english():
    r = run('--help', env={'LANG': 'en_GB.UTF-8'})
    assert r.stdout.startswith('usage:')
    r = run('--help', env={'LANG': 'en_US.UTF-8', 'LC_ALL': 'zh_CN.UTF-8'})
    assert r.stdout.startswith('用法')


def test_bad_usage_exits_2():
    assert run().returncode == 2
    assert run('frobnicate').returncode == 2
    assert run('id', '--nope').returncode == 2
    assert run('id', '--format', 'xml', VALID).returncode == 2
    assert run('--lang', 'fr', 'id', VALID).returncode == 2
    assert run('codes', 'no_such_table').returncode == 2


def test_every_command_parses_options_the_same_way():
    # --name VALUE and --name=VALUE, before or after the command name
    a = run('--format', 'json', 'id', VALID)
    b = run('id', '--format=json', VALID)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and json_lines(a.stdout)[0]['valid'] is True
    a = run('codes', 'sex', '--format', 'json')
    b = run('--format=json', 'codes', 'sex')
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout


def test_option_a_command_does_not_take_exits_2():
    for args, opt in ((('codes', '--show', 'sex'), '--show'),
                      (('id', '--report', 'x.csv', VALID), '--report'),
                      (('check', '--show', 'x.csv'), '--show'),
                      (('id', '--notes', VALID), '--notes')):
        r = run('--lang', 'en', *args)
        assert r.returncode == 2, args
        assert r.stdout == ''
        assert opt in r.stderr and 'does not apply' in r.stderr, r.stderr
    r = run('codes', '--show', 'sex')
    assert r.returncode == 2 and '不适用' in r.stderr


def test_bad_options_exit_2_with_a_message_in_the_chosen_language():
    r = run('id', '--bogus', '--lang', 'en', VALID)
    assert r.returncode == 2 and 'unknown option: --bogus' in r.stderr
    r = run('id', '--bogus', VALID)
    assert r.returncode == 2 and '未知选项' in r.stderr
    r = run('id', '--show=yes', VALID, '--lang=en')
    assert r.returncode == 2 and 'takes no value' in r.stderr
    r = run('id', VALID, '--format')
    assert r.returncode == 2 and '缺少值' in r.stderr
    r = run('--lang', 'en', 'id', '-x', VALID)
    assert r.returncode == 2 and 'unknown option: -x' in r.stderr


def test_now_sets_today_in_china_time():
    # Born 2015-03-07 (the number's date): on that day in China it is valid, a second
    # before midnight it is in the future; midnight in China is 16:00 UTC the day before.
    number = '110105201503071235'
    r = run('--format', 'json', '--now', '2015-03-07', 'id', number)
    assert r.returncode == 0 and json_lines(r.stdout)[0]['valid'] is True, r.stdout
    r = run('--format', 'json', '--now', '2015-03-06T23:59:59', 'id', number)
    out = json_lines(r.stdout)[0]
    assert r.returncode == 1 and out['reason'] == 'idnum.date_future', out


def test_version():
    for args in (('--version',), ('version',)):
        r = run(*args)
        assert r.returncode == 0 and r.stdout.startswith('stuinfo ')


def test_json_lines_parse_whatever_the_input_bytes():
    junk = b'\xff1101\xc0\xaf\xed\xa0\x80\xe4\xb8\xad\x7f"\\'
    r = subprocess.run([CLI, 'id', '--show', '--format', 'json', '--', junk],
                       capture_output=True, timeout=60)
    assert r.returncode == 1
    obj = json.loads(r.stdout.decode('utf-8'))           # strict UTF-8, one object
    assert obj['input'] == '\ufffd1101\ufffd\ufffd\ufffd\ufffd\ufffd中\x7f"\\'
    assert obj['valid'] is False


def stderr_on_a_terminal(args, stdin_path):
    """Run with stderr on a pseudo-terminal; return (exit status, what the terminal got)."""
    import pty
    master, slave = pty.openpty()
    e = {k: v for k, v in os.environ.items() if k not in ('LC_ALL', 'LC_MESSAGES', 'LANG')}
    with open(stdin_path, 'rb') as stdin:
        p = subprocess.Popen([CLI, *args], stdin=stdin, stdout=subprocess.DEVNULL,
                             stderr=slave, env=e)
    os.close(slave)
    got = b''
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:                                  # EIO: the other side closed
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    return p.wait(timeout=60), got.decode('utf-8', 'replace')


def test_progress_bar_only_on_a_terminal(tmp_path):
    numbers = tmp_path / 'numbers.txt'
    numbers.write_text((VALID + '\n') * 50)
    rc, tty = stderr_on_a_terminal(['id'], str(numbers))
    assert rc == 0
    assert '100%' in tty and '[####' in tty
    with open(numbers, 'rb') as f:
        r = subprocess.run([CLI, 'id'], stdin=f, capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stderr == b''


def test_id_valid_is_masked_and_explained():
    r = run('id', VALID)
    assert r.returncode == 0, r.stderr
    assert '110105********002X' in r.stdout
    assert VALID not in r.stdout
    assert '1949-12-31' in r.stdout
    assert '朝阳区' in r.stdout


def test_id_show_prints_the_number():
    r = run('id', '--show', VALID)
    assert r.returncode == 0
    assert VALID in r.stdout


def test_id_invalid_exits_1_with_reason():
    r = run('id', '--lang', 'en', BAD_CHECK)
    assert r.returncode == 1
    assert 'invalid' in r.stdout
    assert 'idnum.check_char' in r.stdout
    assert 'expected X' in r.stdout
    assert BAD_CHECK not in r.stdout


def test_id_json_fields_in_input_order():
    r = run('id', '--format', 'json', '--lang', 'en', '--show', VALID, BAD_CHECK, LEGACY,
            ' 11010519491231002x')
    assert r.returncode == 1
    objs = json_lines(r.stdout)
    assert len(objs) == 4
    a, b, c, d = objs
    assert a['valid'] is True and a['kind'] == 'resident_18'
    assert a['normalized'] == VALID and a['birth_date'] == '1949-12-31' and a['sex'] == 'F'
    assert a['upgraded'] is None and a['findings'] == []
    assert b['valid'] is False
    assert b['findings'][0] == {'rule': 'idnum.check_char', 'severity': 'error',
                                'message': 'wrong check character; expected X'}
    assert c['kind'] == 'resident_15' and c['upgraded'] == VALID
    assert c['birth_date'] == '1949-12-31'
    assert any(f['rule'] == 'idnum.legacy_15' and f['severity'] == 'note'
               for f in c['findings'])
    assert d['valid'] is True and d['normalized'] == VALID
    assert {f['rule'] for f in d['findings']} >= {'idnum.trimmed', 'idnum.lower_case'}
    assert all(f['severity'] == 'note' for f in d['findings'])


def test_id_json_masks_without_show():
    r = run('id', '--format', 'json', VALID, LEGACY)
    for obj in json_lines(r.stdout):
        assert VALID not in json.dumps(obj)
        assert LEGACY not in json.dumps(obj)
    assert json_lines(r.stdout)[1]['upgraded'] == '110105********002X'


def test_id_warning_for_doubtful_address():
    # 110000 is a province-level code: accepted with a warning.
    r = run('id', '--format', 'json', '110000200001010019')
    assert r.returncode == 0
    obj = json_lines(r.stdout)[0]
    assert obj['valid'] is True
    assert [(f['rule'], f['severity']) for f in obj['findings']] == [
        ('idnum.address_province', 'warning')]


def test_id_reads_standard_input():
    r = run('id', '--format', 'json', stdin=f'{VALID}\n\n{BAD_CHECK}\r\n{LEGACY}\n')
    objs = json_lines(r.stdout)
    assert [o['valid'] for o in objs] == [True, False, True]
    assert r.returncode == 1
    r = run('id', VALID, '-', stdin=f'{LEGACY}\n')
    assert r.returncode == 0
    assert r.stdout.count('110105') >= 2


def test_id_no_progress_bar_when_not_a_terminal():
    r = run('id', stdin=VALID + '\n')
    assert r.stderr == ''


def test_id_garbage_does_not_crash():
    for junk in ('', '   ', 'x' * 1000, '１１０１０５１９４９１２３１００２Ｘ', '\u202e123',
                 '1.10105E+17'):
        r = run('id', '--format', 'json', '--', junk)
        assert r.returncode in (0, 1), (junk, r.stderr)


def test_codes_lists_tables():
    r = run('codes', '--format', 'json')
    assert r.returncode == 0
    keys = {o['table'] for o in json_lines(r.stdout)}
    assert {'ethnicity', 'sex', 'region', 'nationality'} <= keys


def test_codes_lookup_by_name_and_code():
    r = run('codes', 'ethnicity', '汉', 'Han', '01', '--format', 'json')
    assert r.returncode == 0
    assert [o['code'] for o in json_lines(r.stdout)] == ['01', '01', '01']
    r = run('codes', 'region', '110105')
    assert r.returncode == 0 and '朝阳区' in r.stdout


def test_codes_not_found_exits_1():
    r = run('codes', 'ethnicity', 'Klingon', '--format', 'json')
    assert r.returncode == 1
    assert json_lines(r.stdout)[0]['found'] is False


def test_codes_list_one_table():
    r = run('codes', 'sex')
    assert r.returncode == 0
    assert len(r.stdout.splitlines()) >= 3


DATA = os.path.join(os.path.dirname(__file__), 'data')
ROSTER = os.path.join(DATA, 'roster-small.csv')


def check(*args, **kw):
    r = run('check', *args, **kw)
    if 'no roster layer' in r.stderr:
        pytest.skip('this build has no roster layer')
    return r


def test_check_text_report_and_summary():
    r = check('--lang', 'en', ROSTER)
    assert r.returncode == 1, r.stderr
    assert 'row 2:' in r.stdout and 'student.bad_id_number' in r.stdout
    assert 'row 3:' in r.stdout and 'student.family_too_few' in r.stdout
    assert 'row 5 (compared with other rows):' in r.stdout
    assert 'roster.duplicate_id' in r.stdout
    assert 'row 1:' not in r.stdout
    assert ('5 rows read: 1 clean, 1 with warnings only, 2 with errors, 1 skipped'
            in r.stdout)
    assert '110105201503071235' not in r.stdout          # no ID numbers in messages


def test_check_chinese_by_default():
    r = check(ROSTER)
    assert '第 2 行' in r.stdout and '共读取 5 行' in r.stdout


def test_check_json_lines():
    r = check('--format', 'json', ROSTER)
    assert r.returncode == 1
    objs = json_lines(r.stdout)
    findings, summary = objs[:-1], objs[-1]
    assert [(f['row'], f['field'], f['rule'], f['severity']) for f in findings] == [
        (2, 'id_doc_no', 'student.bad_id_number', 'error'),
        (3, 'family', 'student.family_too_few', 'warning'),
        (5, 'id_doc_no', 'roster.duplicate_id', 'error'),
    ]
    assert all(f['message'] for f in findings)
    assert summary == {'summary': True, 'rows_read': 5, 'clean': 1, 'warnings_only': 1,
                       'errors': 2, 'skipped': 1}


def test_check_gb18030_reads_the_same():
    a = check('--format', 'json', ROSTER)
    b = check('--format', 'json', os.path.join(DATA, 'roster-small-gb18030.csv'))
    assert a.stdout == b.stdout


def test_check_report_csv(tmp_path):
    out = tmp_path / 'findings.csv'
    r = check('--report', str(out), '--lang', 'en', ROSTER)
    assert r.returncode == 1
    text = out.read_text(encoding='utf-8-sig')
    lines = text.splitlines()
    assert lines[0] == 'row,field,rule,severity,message'
    assert len(lines) == 4
    assert lines[1].startswith('2,id_doc_no,student.bad_id_number,error,')


def test_check_notes_only_on_request():
    quiet = json_lines(check('--format', 'json', ROSTER).stdout)
    loud = json_lines(check('--format', 'json', '--notes', ROSTER).stdout)
    assert not any(f.get('severity') == 'note' for f in quiet)
    assert len(loud) >= len(quiet)


def test_check_standard_input():
    with open(ROSTER, 'rb') as f:
        data = f.read().decode('utf-8')
    r = check('--format', 'json', '-', stdin=data)
    assert json_lines(r.stdout)[-1]['rows_read'] == 5


def small_roster(tmp_path, rows, copies=1):
    with open(ROSTER, encoding='utf-8') as f:
        lines = f.read().splitlines()
    p = tmp_path / 'roster.csv'
    p.write_text(lines[0] + '\n' + ''.join(lines[r] + '\n' for r in rows) * copies,
                 encoding='utf-8')
    return str(p)


def test_check_clean_roster_exits_0(tmp_path):
    r = check('--format', 'json', small_roster(tmp_path, [1]))
    assert r.returncode == 0, r.stdout
    assert json_lines(r.stdout) == [{'summary': True, 'rows_read': 1, 'clean': 1,
                                     'warnings_only': 0, 'errors': 0, 'skipped': 0}]


def test_check_progress_bar_for_a_long_file_on_a_terminal(tmp_path):
    big = small_roster(tmp_path, [1], copies=1900)         # over 1 MiB
    rc, tty = stderr_on_a_terminal(['check', '--format', 'json', big], big)
    if 'no roster layer' in tty:
        pytest.skip('this build has no roster layer')
    assert rc == 1
    assert '100%' in tty
    r = check('--format', 'json', big)
    assert r.stderr == ''


def test_check_unusable_input_exits_2(tmp_path):
    assert check(str(tmp_path / 'missing.csv')).returncode == 2
    assert check(str(tmp_path)).returncode == 2              # a directory
    empty = tmp_path / 'empty.csv'
    empty.write_bytes(b'')
    assert check(str(empty)).returncode == 2
    junk = tmp_path / 'junk.csv'
    junk.write_bytes(b'a,b\n1,2\n')
    assert check(str(junk)).returncode == 2                  # not one known column
    assert check().returncode == 2


def test_check_spill_dir_that_does_not_exist_exits_2(tmp_path):
    # 600 rows are 12,000 bytes of keys: over a 4096-byte budget the checks spill
    big = small_roster(tmp_path, [1], copies=600)
    missing = str(tmp_path / 'no-such-dir')
    r = check('--lang', 'en', '--check-memory', '4096', '--spill-dir', missing, big)
    assert r.returncode == 2, r.stderr
    assert "spill directory cannot be used" in r.stderr and missing in r.stderr
    assert 'ENOENT' in r.stderr
    assert 'summary' not in r.stdout
    # within the default budget the directory is never used
    r = check('--lang', 'en', '--format', 'json', '--spill-dir', missing, big)
    assert r.returncode == 1, r.stderr
    assert json_lines(r.stdout)[-1]['rows_read'] == 600


def test_check_spill_dir_from_tmpdir_and_the_option_wins(tmp_path):
    big = small_roster(tmp_path, [1], copies=600)
    missing = str(tmp_path / 'no-such-dir')
    r = check('--lang', 'en', '--check-memory', '4096', big, env={'TMPDIR': missing})
    assert r.returncode == 2 and missing in r.stderr, r.stderr
    r = check('--lang', 'en', '--format', 'json', '--check-memory', '4096',
              '--spill-dir', str(tmp_path), big, env={'TMPDIR': missing})
    assert r.returncode == 1, r.stderr
    summary = json_lines(r.stdout)[-1]
    assert summary['rows_read'] == 600 and summary['errors'] == 599   # duplicates found
    assert os.listdir(tmp_path) == ['roster.csv']                     # the file left no trace
    # an empty TMPDIR is no directory: the library's default
    r = check('--format', 'json', '--check-memory', '4096', big, env={'TMPDIR': ''})
    assert r.returncode == 1, r.stderr


def test_check_bad_spill_options_exit_2():
    for args in (('--check-memory', '0'), ('--check-memory', 'lots'),
                 ('--check-memory', '4294967296'), ('--spill-dir', '')):
        r = check('--lang', 'en', *args, ROSTER)
        assert r.returncode == 2, args
        assert r.stdout == '' and args[0] in r.stderr, r.stderr
    r = run('--lang', 'en', 'id', '--spill-dir', '/tmp', VALID)
    assert r.returncode == 2 and 'does not apply' in r.stderr


def test_check_garbage_does_not_crash(tmp_path):
    import random
    rnd = random.Random(8)
    with open(ROSTER, 'rb') as f:
        base = bytearray(f.read())
    for i in range(8):
        data = bytearray(base)
        for _ in range(30):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        p = tmp_path / ('g%d.csv' % i)
        p.write_bytes(bytes(data))
        r = check('--format', 'json', str(p))
        assert r.returncode in (0, 1, 2), r.stderr
        if r.returncode != 2:
            assert 'summary' in json_lines(r.stdout)[-1]


if __name__ == '__main__':
    raise SystemExit(pytest.main([__file__, '-q']))
