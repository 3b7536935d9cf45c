"""Tests of `stuinfo request`: a change request kept in a JSON file, driven through its
states by the command; refusals (exit status 1, message, file unchanged), bad usage
(exit status 2), a tampered file, atomic rewrites.

Run by meson (suite 'cli') with STUINFO_CLI set to the built program.
"""
import datetime
import json
import os
import shutil
import stat
import subprocess
import time

import pytest

CLI = os.environ.get('STUINFO_CLI', 'stuinfo')
EXAMPLES = os.path.join(os.path.dirname(__file__), '..', '..', 'examples', 'data')
# examples/data/student.json: sex 女 while the ID number says male (its one mistake).
STUDENT = os.path.join(EXAMPLES, 'student.json')
STUDENT_ID_NUMBER = '110105201503071235'

STU = ('--actor', 'stu1', '--role', 'student')
TEACHER = ('--actor', 't1', '--role', 'teacher')
REGISTRAR = ('--actor', 'reg1', '--role', 'registrar')


def run(*args, env=None):
    e = dict(os.environ)
    for k in ('LC_ALL', 'LC_MESSAGES', 'LANG'):
        e.pop(k, None)
    e.update(env or {})
    return subprocess.run([CLI, 'request', *args], capture_output=True, text=True, env=e,
                          timeout=60)


def ok(*args):
    r = run(*args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def jrun(*args):
    r = run('--format', 'json', *args)
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    return r, lines[-1] if lines else None


@pytest.fixture
def files(tmp_path):
    student = tmp_path / 'student.json'
    shutil.copy(STUDENT, student)
    return tmp_path / 'request.json', student


def draft(req, student, *changes):
    ok('new', str(req), str(student), '--student-id', 'S-0001', '--kind', 'correction',
       *STU)
    for path, old, new in changes:
        ok('add-change', str(req), path, old, new, *STU)


def submitted(req, student):
    draft(req, student, ('sex', '女', '男'))
    ok('evidence', str(req), 'household_register', 'HR-2021-0001', *STU)
    ok('act', str(req), 'submit', *STU)


def test_help_lists_the_subcommands():
    r = subprocess.run([CLI, 'request', '--help', '--lang', 'en'], capture_output=True,
                       text=True)
    assert r.returncode == 0 and r.stdout.startswith('usage: stuinfo request')
    for sub in ('new', 'add-change', 'remove-change', 'evidence', 'act', 'apply', 'show',
                'verify', 'policy'):
        assert sub in r.stdout
    r = subprocess.run([CLI, 'request', '--help'], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != 'LANG'})
    assert '用法' in r.stdout


def test_full_scenario_from_draft_to_applied(files):
    req, student = files
    r, o = jrun('new', str(req), str(student), '--student-id', 'S-0001', '--kind',
                'correction', *STU)
    assert r.returncode == 0 and o['ok'] and o['state'] == 'draft' and o['revision'] == 1
    r, o = jrun('add-change', str(req), 'sex', '女', '男', *STU)
    assert o['state'] == 'draft' and o['revision'] == 2
    r, o = jrun('evidence', str(req), 'household_register', 'HR-2021-0001', *STU)
    assert o['revision'] == 3
    r, o = jrun('act', str(req), 'submit', *STU)
    assert o['state'] == 'submitted'
    r, o = jrun('act', str(req), 'approve', *TEACHER)
    assert o['state'] == 'second_review'             # sex is a key field
    r, o = jrun('act', str(req), 'approve', *REGISTRAR, '--comment', '户口簿已核对')
    assert o['state'] == 'approved'
    r, o = jrun('apply', str(req), str(student), *REGISTRAR)
    assert r.returncode == 0, r.stderr
    assert o['state'] == 'applied' and o['revision'] == 7
    assert [d['field'] for d in o['diff']] == ['sex']
    assert o['diff'][0]['old'] == '*' and o['diff'][0]['new'] == '*'     # key: masked
    record = json.loads(student.read_text(encoding='utf-8'))
    assert record['sex'] in ('男', '1')
    # The record now validates: its one mistake is gone.
    r, o = jrun('show', str(req))
    assert o['state'] == 'applied' and len(o['log']) == 7
    assert [e['action'] for e in o['log']] == ['create', 'edit', 'edit', 'submit', 'approve',
                                               'approve', 'apply']
    assert o['log'][5]['comment'] == '户口簿已核对'
    assert o['head'] == o['log'][-1]['hash']
    r, o = jrun('verify', str(req), '--head', o['head'])
    assert r.returncode == 0 and o == {'valid': True, 'entries': 7, 'head': o['head']}


def test_show_masks_key_values_unless_show(files):
    req, student = files
    draft(req, student, ('name', '张三', '张叁'), ('id_doc_no', STUDENT_ID_NUMBER,
                                                 '11010520150307123X'),
          ('phone', '', '13900139000'))
    r = ok('show', str(req))
    assert '张三' not in r.stdout and '张叁' not in r.stdout
    assert STUDENT_ID_NUMBER not in r.stdout and '11010520150307123X' not in r.stdout
    assert '110***********1235' in r.stdout
    assert '13900139000' in r.stdout                    # not a key field
    assert '草稿' in r.stdout and '审计日志' in r.stdout
    r = ok('show', '--show', '--lang', 'en', str(req))
    assert '张三 -> 张叁' in r.stdout and STUDENT_ID_NUMBER in r.stdout
    assert 'draft' in r.stdout and 'audit log' in r.stdout
    r, o = jrun('show', str(req))
    changes = {c['field']: c for c in o['changes']}
    assert changes['name'] == {'field': 'name', 'old': '**', 'new': '**'}
    assert changes['phone']['old'] is None and changes['phone']['new'] == '13900139000'


def refused(args, status, message_part, req):
    before = req.read_bytes()
    r, o = jrun(*args)
    assert r.returncode == 1, (args, r.stdout, r.stderr)
    assert o['ok'] is False and o['status'] == status, o
    assert message_part in o['message'], o['message']
    assert req.read_bytes() == before                   # a refusal changes nothing
    return r


def test_refusals_exit_1_with_a_message_and_change_nothing(files):
    req, student = files
    draft(req, student, ('sex', '女', '男'))
    r = refused(('act', str(req), 'submit', *STU), 'evidence_required', 'sex', req)
    assert 'stuinfo: 被拒绝' in r.stderr
    ok('evidence', str(req), 'household_register', 'HR-1', *STU)
    refused(('act', str(req), 'approve', *TEACHER), 'state', '', req)
    refused(('act', str(req), 'submit', *STU, '--revision', '2'), 'stale_version', '2', req)
    ok('act', str(req), 'submit', *STU)
    refused(('act', str(req), 'approve', *STU), 'permission', '', req)
    refused(('act', str(req), 'approve', '--actor', 'stu1', '--role', 'teacher'),
            'separation_of_duties', '', req)
    r = run('--lang', 'en', 'act', str(req), 'approve', '--actor', 'stu1', '--role',
            'teacher')
    assert r.returncode == 1 and r.stderr.startswith('stuinfo: refused: ')
    refused(('apply', str(req), str(student), *REGISTRAR), 'state', '', req)


def test_locks_refuse(files):
    req, student = files
    draft(req, student, ('name', '张三', '张叁'))
    ok('evidence', str(req), 'police_certificate', 'PC-7', *STU)
    refused(('act', str(req), 'submit', *STU, '--graduated'), 'locked_graduated', '', req)
    refused(('act', str(req), 'submit', *STU, '--reported'), 'locked_reported', '', req)


def test_window_closed_with_a_policy_file(files, tmp_path):
    req, student = files
    policy = json.loads(ok('policy').stdout)
    assert policy['id'] == 'default'
    now = int(time.time())
    policy['id'] = 'spring'
    policy['window'] = {'open': now - 7200, 'close': now - 3600}
    pfile = tmp_path / 'policy.json'
    pfile.write_text(json.dumps(policy), encoding='utf-8')
    assert json.loads(ok('policy', '--policy', str(pfile)).stdout)['id'] == 'spring'
    ok('new', str(req), str(student), '--student-id', 'S-1', '--kind', 'correction', *STU,
       '--policy', str(pfile))
    refused(('add-change', str(req), 'phone', '', '13900139000', *STU, '--policy',
             str(pfile)), 'window_closed', '', req)
    # a request is driven under the policy it was made under
    r, o = jrun('act', str(req), 'withdraw', *STU)
    assert r.returncode == 2 and o['status'] == 'invalid_argument'


def china_time(text):
    """Seconds since the epoch of 'YYYY-MM-DD HH:MM' in China (UTC+8)."""
    t = datetime.datetime.strptime(text, '%Y-%m-%d %H:%M')
    tz = datetime.timezone(datetime.timedelta(hours=8))
    return int(t.replace(tzinfo=tz).timestamp())


def test_exception_path_after_the_window_with_now(files, tmp_path):
    # The window of a fixed term; --now moves the run's clock through it.
    req, student = files
    policy = json.loads(ok('policy').stdout)
    policy['id'] = 'autumn'
    policy['window'] = {'open': china_time('2026-09-01 00:00'), 'close': china_time('2026-09-15 00:00')}
    pfile = tmp_path / 'policy.json'
    pfile.write_text(json.dumps(policy), encoding='utf-8')
    during = ('--now', '2026-09-10', '--policy', str(pfile))
    after = ('--now', '2026-09-20T08:30', '--policy', str(pfile))
    ok('new', str(req), str(student), '--student-id', 'S-2', '--kind', 'correction', *STU,
       *during)
    ok('add-change', str(req), 'phone', '', '13900139000', *STU, *during)
    # One second before the close the window is open; at the close it is not.
    r, o = jrun('act', str(req), 'request_exception', *STU, '--comment', 'late',
                '--now', '2026-09-14T23:59:59', '--policy', str(pfile))
    assert r.returncode == 1 and o['status'] == 'state', (r.stdout, r.stderr)
    refused(('act', str(req), 'submit', *STU, *after), 'window_closed', '', req)
    # The exception needs a written reason, then leadership, then the normal review.
    refused(('act', str(req), 'request_exception', *STU, *after), 'evidence_required', '',
            req)
    r, o = jrun('act', str(req), 'request_exception', *STU, '--comment', '生病住院，错过截止',
                *after)
    assert r.returncode == 0 and o['state'] == 'exception_review', (r.stdout, r.stderr)
    refused(('act', str(req), 'approve', *REGISTRAR, '--comment', 'ok', *after),
            'permission', '', req)
    r, o = jrun('act', str(req), 'approve', '--actor', 'l1', '--role', 'leadership',
                '--comment', '同意', *after)
    assert r.returncode == 0 and o['state'] == 'submitted', (r.stdout, r.stderr)
    r, o = jrun('act', str(req), 'approve', *TEACHER, *after)
    assert o['state'] == 'approved'
    r, o = jrun('apply', str(req), str(student), *REGISTRAR, *after)
    assert r.returncode == 0 and o['state'] == 'applied', (r.stdout, r.stderr)
    times = [e['time'] for e in jrun('show', str(req))[1]['log']]
    assert times[0] == '2026-09-09T16:00:00Z'           # the log keeps UTC
    assert times[-1] == '2026-09-20T00:30:00Z'


def test_now_is_checked(files):
    req, student = files
    for bad in ('2026-02-29', '2026-13-01', '2026-09-10T24:00', '2026-9-10', '+2026-09-10',
                '2026-09-10 08:00', '1799-12-31', 'today'):
        r = run('show', str(req), '--now', bad, env={'LANG': 'en_US.UTF-8'})
        assert r.returncode == 2 and '--now takes' in r.stderr, (bad, r.stderr)


def test_apply_refuses_a_record_that_would_not_validate(files):
    req, student = files
    draft(req, student, ('birth_date', '2015-03-07', '2016-03-07'))
    ok('evidence', str(req), 'household_register', 'HR-1', *STU)
    ok('act', str(req), 'submit', *STU)
    ok('act', str(req), 'approve', *TEACHER)
    ok('act', str(req), 'approve', *REGISTRAR)
    before = student.read_bytes()
    r, o = jrun('apply', str(req), str(student), *REGISTRAR)
    assert r.returncode == 1 and o['status'] == 'validation_failed'
    assert student.read_bytes() == before
    assert json.loads(req.read_text(encoding='utf-8'))['state'] == 'approved'
    assert STUDENT_ID_NUMBER not in r.stderr


def test_apply_to_a_record_that_moved_on_is_stale(files, tmp_path):
    req, student = files
    submitted(req, student)
    ok('act', str(req), 'approve', *TEACHER)
    ok('act', str(req), 'approve', *REGISTRAR)
    record = json.loads(student.read_text(encoding='utf-8'))
    # The version of a record read from JSON counts the values set: one fewer is another.
    del record['postcode']
    other = tmp_path / 'other.json'
    other.write_text(json.dumps(record, ensure_ascii=False), encoding='utf-8')
    r, o = jrun('apply', str(req), str(other), *REGISTRAR)
    assert r.returncode == 1 and o['status'] == 'stale_version'


def test_tampered_file_is_detected(files):
    req, student = files
    submitted(req, student)
    head = json.loads(ok('--format', 'json', 'show', str(req)).stdout)['head']
    doc = json.loads(req.read_text(encoding='utf-8'))
    entries = doc['log']['entries']
    entries[1]['actor'] = 'someone_else'
    req.write_text(json.dumps(doc, ensure_ascii=False, separators=(',', ':')),
                   encoding='utf-8')
    r, o = jrun('verify', str(req))
    assert r.returncode == 1 and o['valid'] is False
    r = run('verify', '--lang', 'en', str(req))
    assert r.returncode == 1 and 'does not verify' in r.stdout
    r, o = jrun('show', str(req))
    assert r.returncode == 1 and o['status'] == 'tampered'
    r, o = jrun('act', str(req), 'approve', *TEACHER)
    assert r.returncode == 1 and o['status'] == 'tampered'


def test_verify_against_the_head_kept_elsewhere(files):
    req, student = files
    draft(req, student, ('phone', '', '13900139000'))
    head = json.loads(ok('--format', 'json', 'verify', str(req)).stdout)['head']
    ok('act', str(req), 'submit', *STU)
    r, o = jrun('verify', str(req), '--head', head)      # the log moved on since
    assert r.returncode == 1 and o['valid'] is False and o['bad_index'] is not None
    assert run('verify', str(req), '--head', 'abc').returncode == 2


def test_bad_usage_exits_2(files, tmp_path):
    req, student = files
    assert run().returncode == 2
    assert run('frobnicate', str(req)).returncode == 2
    assert run('show').returncode == 2                   # no file
    assert run('show', str(tmp_path / 'missing.json')).returncode == 2
    junk = tmp_path / 'junk.json'
    junk.write_text('{"not": "a request"}')
    r, o = jrun('show', str(junk))
    assert r.returncode == 2 and o['status'] == 'parse'
    args = ('new', str(req), '--student-id', 'S-1', '--kind', 'correction',
            '--record-version', '3')
    assert run(*args).returncode == 2                    # no actor
    assert run(*args, '--actor', 'a', '--role', 'janitor').returncode == 2
    assert run(*args, '--actor', 'a', '--role', 'student', '--kind', 'x').returncode == 2
    r = run(*args, *STU, '--head', '0' * 64)
    assert r.returncode == 2 and '--head' in r.stderr    # not an option of "new"
    assert not req.exists()
    ok(*args, *STU)
    r = run(*args, *STU)
    assert r.returncode == 2 and '已存在' in r.stderr     # never replaced
    assert run('act', str(req), 'apply', *STU).returncode == 2
    assert run('act', str(req), 'dance', *STU).returncode == 2
    assert run('evidence', str(req), 'selfie', 'x', *STU).returncode == 2
    assert run('add-change', str(req), 'name', 'a', *STU).returncode == 2
    r, o = jrun('add-change', str(req), 'no_such_field', '', 'x', *STU)
    assert r.returncode == 2 and o['status'] == 'not_found'


def test_files_are_rewritten_atomically_and_privately(files):
    req, student = files
    submitted(req, student)
    assert stat.S_IMODE(os.stat(req).st_mode) == 0o600   # it holds personal data
    leftovers = [p for p in os.listdir(req.parent) if '.tmp-' in p]
    assert leftovers == []
    r, o = jrun('remove-change', str(req), 'sex', *STU)    # submitted: not editable
    assert r.returncode == 1 and o['status'] == 'state'
    assert [p for p in os.listdir(req.parent) if '.tmp-' in p] == []


def test_withdraw_and_return_paths(files):
    req, student = files
    submitted(req, student)
    r, o = jrun('act', str(req), 'return', *TEACHER, '--comment', '请补充材料')
    assert o['state'] == 'returned'
    ok('remove-change', str(req), 'sex', *STU)
    ok('add-change', str(req), 'phone', '', '13900139000', *STU)
    r, o = jrun('act', str(req), 'withdraw', *STU)
    assert o['state'] == 'withdrawn'
    r, o = jrun('act', str(req), 'submit', *STU)
    assert r.returncode == 1 and o['status'] == 'state'


if __name__ == '__main__':
    raise SystemExit(pytest.main([__file__, '-q']))
