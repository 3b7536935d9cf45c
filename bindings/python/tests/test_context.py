import gc

import pytest

import stuinfo


def test_version_matches_library():
    assert stuinfo.version().count('.') == 2


def test_status_constants():
    assert stuinfo.OK == 0
    assert stuinfo.ERR_INVALID_ARGUMENT == 1
    assert stuinfo.ERR_INVALID == 7


def test_language_and_errors_carry_status_and_message():
    with stuinfo.Context() as ctx:
        assert ctx.lang == 'zh'
        ctx.lang = 'en'
        assert ctx.lang == 'en'
        with pytest.raises(stuinfo.StuinfoError) as e:
            ctx.code('ethnicity', 'Klingon')
        assert e.value.status == stuinfo.ERR_NOT_FOUND
        assert e.value.status_name == 'not found'
        assert e.value.message and 'Klingon' not in e.value.status_name
    with pytest.raises(ValueError):
        stuinfo.Context(lang='fr')


def test_closed_context_raises():
    ctx = stuinfo.Context()
    ctx.close()
    ctx.close()                                     # twice is fine
    assert ctx.closed
    with pytest.raises(stuinfo.StuinfoError) as e:
        ctx.verify_id('11010519491231002X')
    assert e.value.status == stuinfo.ERR_INVALID_ARGUMENT


def test_objects_outlive_a_closed_context():
    ctx = stuinfo.Context()
    s = ctx.student()
    ctx.close()                                     # the library waits for the record
    s.close()


def test_garbage_collection_in_any_order():
    for _ in range(50):
        ctx = stuinfo.Context()
        s = ctx.student()
        s['name'] = '张三'
        del ctx
        gc.collect()
        assert s['name'] == '张三'
        del s
        gc.collect()


def test_fixed_time():
    import datetime
    with stuinfo.Context(fixed_time=datetime.date(2020, 1, 1)) as ctx:
        # Born 2021: in the future for a clock pinned in 2020.
        n = ctx.verify_id('110105202101010012')
        assert not n.valid


def test_codes(ctx):
    c = ctx.code('ethnicity', '汉')
    assert (c.table, c.code, c.name, c.name_en) == ('ethnicity', '01', '汉族', 'Han')
    assert ctx.code('nationality', 'CHN').code == '156'
    assert ctx.code('region', '110105').name == '朝阳区'
    assert [c.code for c in ctx.codes('sex')][:3] == ['0', '1', '2']
    with pytest.raises(stuinfo.StuinfoError):
        ctx.code('no_such_table', 'x')
