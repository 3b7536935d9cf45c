import pytest

import stuinfo


def test_set_get_and_notes(ctx):
    with ctx.student() as s:
        notes = s.set('name', ' 张三 ')
        assert s['name'] == '张三'
        assert any(f.rule == 'student.trimmed' and f.severity == 'note' for f in notes)
        s['id_doc_no'] = '11010519491231002x'
        assert s['id_doc_no'] == '11010519491231002X'
        assert s.get('email') is None and s.get('email', '') == ''
        del s['name']
        assert s['name'] is None
        assert s.version >= 3


def test_family_and_history(ctx):
    with ctx.student() as s:
        i = s.add_family(name='李四', relation='父亲', phone='13800138000')
        assert i == 0 and s.family_count == 1
        assert s['family[0].name'] == '李四'
        j = s.add_history()
        assert j == 0 and s.history_count == 1


def test_bad_values_raise_with_status(ctx):
    with ctx.student() as s:
        with pytest.raises(stuinfo.StuinfoError) as e:
            s['no_such_field'] = 'x'
        assert e.value.status == stuinfo.ERR_NOT_FOUND
        with pytest.raises(stuinfo.StuinfoError) as e:
            s['name'] = 'a\u200bb'                   # zero-width space
        assert e.value.status in (stuinfo.ERR_INVALID, stuinfo.ERR_ENCODING)
        with pytest.raises(stuinfo.StuinfoError) as e:
            s['family[5].name'] = 'x'                # no such member
        assert e.value.status == stuinfo.ERR_NOT_FOUND


def test_validate_finds_problems(ctx):
    with ctx.student() as s:
        s['name'] = '张三'
        s['id_doc_type'] = '居民身份证'                 # a name is stored as its code
        assert s['id_doc_type'] == '1'
        s['id_doc_no'] = '11010519491231002X'
        s['birth_date'] = '1949-12-31'
        s['sex'] = '男'                               # the number says female
        findings = s.validate()
        assert findings
        assert all(isinstance(f, stuinfo.Finding) for f in findings)
        assert {f.severity for f in findings} <= {'error', 'warning', 'note'}
        assert any(f.rule == 'student.id_sex_mismatch' and f.severity == 'error'
                   for f in findings)
        assert any(f.rule == 'student.required' for f in findings)
        only_identity = s.validate(checks=4)            # STUINFO_CHECK_IDENTITY
        assert [f.rule for f in only_identity] == ['student.id_sex_mismatch']
        assert not s.is_valid()
        for f in findings:
            assert '11010519491231002X' not in f.message
        with pytest.raises(TypeError):
            s.validate(no_such_limit=1)


def test_clone_is_independent(ctx):
    with ctx.student() as s:
        s['name'] = '张三'
        with s.clone() as c:
            c['name'] = '李四'
            assert s['name'] == '张三' and c['name'] == '李四'


def test_closed_record_raises(ctx):
    s = ctx.student()
    s.close()
    with pytest.raises(stuinfo.StuinfoError):
        s['name'] = 'x'


def test_json_round_trip(ctx):
    with ctx.student() as s:
        s['name'] = '张三'
        s['id_doc_no'] = '11010519491231002X'
        text = s.to_json()
        with ctx.student(json=text) as t:
            assert t['name'] == '张三'
            assert t['id_doc_no'] == '11010519491231002X'


def test_json_errors_carry_findings(ctx):
    with pytest.raises(stuinfo.StuinfoError) as e:
        ctx.student(json='{"name": "张三", "no_such_key": "x"}')
    assert e.value.status == stuinfo.ERR_NOT_FOUND
    assert [f.rule for f in e.value.findings] == ['student.json_unknown_field']
    with pytest.raises(stuinfo.StuinfoError) as e:
        ctx.student(json='{not json')
    assert e.value.status == stuinfo.ERR_PARSE


def test_sample_record_has_one_error(ctx):
    import os
    path = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'examples', 'data',
                        'student.json')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    with ctx.student(json=text) as s:
        assert s['sex'] == '2' and s['hukou_type'] == '2'       # names became codes
        errors = [f for f in s.validate() if f.severity == 'error']
        assert [(f.rule, f.field) for f in errors] == [('student.id_sex_mismatch', 'sex')]
        s['sex'] = '男'
        assert s.is_valid()


def test_read_roster(ctx):
    import os
    path = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'tests', 'cli', 'data',
                        'roster-small.csv')
    with ctx.read_roster(path) as r:
        rows = list(r)
        assert [row.row for row in rows] == [1, 2, 3, 5]          # row 4 is blank
        errors = {row.row for row in rows if any(f.severity == 'error' for f in row.findings)}
        assert errors == {2}
        assert [f.rule for f in r.file_findings if f.severity == 'error'] == [
            'roster.duplicate_id']
        assert r.counts['rows_read'] == 5 and r.counts['rows_skipped'] == 1
    with pytest.raises(stuinfo.StuinfoError) as e:
        ctx.read_roster('/nonexistent/roster.csv')
    assert e.value.status == stuinfo.ERR_IO
