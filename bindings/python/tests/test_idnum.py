import datetime

import pytest

import stuinfo

VALID = '11010519491231002X'


def test_verify_valid(ctx):
    n = ctx.verify_id(VALID)
    assert n.valid and bool(n)
    assert n.kind == 'resident_18'
    assert n.normalized == VALID
    assert n.birth_date == datetime.date(1949, 12, 31)
    assert n.sex == 'F'
    assert (n.province, n.region, n.address_code) == ('北京市', '朝阳区', '110105')
    assert n.reason is None and n.upgraded is None
    assert VALID not in repr(n)                     # repr masks the number


def test_verify_invalid_gives_reason_and_message(ctx):
    n = ctx.verify_id('110105194912310021')
    assert not n.valid
    assert n.reason == 'idnum.check_char'
    assert n.message == 'wrong check character; expected X'
    assert n.birth_date is None and n.sex is None


def test_check_lists_notes(ctx):
    n = ctx.check_id(' 11010519491231002x', field='id_doc_no')
    assert n.valid
    rules = {f.rule for f in n.findings}
    assert {'idnum.trimmed', 'idnum.lower_case'} <= rules
    assert all(f.severity == 'note' and f.field == 'id_doc_no' for f in n.findings)


def test_fullwidth_str_in(ctx):
    n = ctx.verify_id('１１０１０５１９４９１２３１００２Ｘ')
    assert n.valid and n.normalized == VALID


def test_legacy_upgrade_and_mask(ctx):
    n = ctx.verify_id('110105491231002')
    assert n.kind == 'resident_15' and n.upgraded == VALID
    assert ctx.upgrade_id('110105491231002') == VALID
    assert ctx.mask_id(VALID) == '110105********002X'
    assert ctx.mask_id(VALID, '3#2') == '110#############2X'
    with pytest.raises(stuinfo.StuinfoError) as e:
        ctx.upgrade_id('12345')
    assert e.value.status == stuinfo.ERR_INVALID


def test_is_valid_fast_path(ctx):
    assert ctx.is_valid_id(VALID)
    assert not ctx.is_valid_id('110105194912310021')
    assert not ctx.is_valid_id('')
    assert not ctx.is_valid_id('\udcff')            # lone surrogate: the library refuses
    assert ctx.is_valid_id(VALID.encode())          # bytes are accepted too
    with pytest.raises(TypeError):
        ctx.is_valid_id(42)


def test_batch(ctx):
    numbers = [VALID, '110105194912310021', '', '110105491231002', '1.10105E+17'] * 1000
    batch = ctx.verify_ids(numbers)
    assert len(batch) == 5000
    assert batch.valid_count == 2000
    assert batch.valid[:5] == [True, False, False, True, False]
    assert batch.rules[:5] == [None, 'idnum.check_char', 'idnum.empty', None,
                               'idnum.scientific']
    assert batch.verify() == 2000                   # verify again over the same buffer


def test_batch_agrees_with_single(ctx):
    numbers = ['11010519491231002X', '110105194902290021', 'G11010519491231002X',
               '８１００００１９９９０１０１００１Ｘ', '440524188001010014', 'abc', ' ']
    batch = ctx.verify_ids(numbers)
    assert batch.valid == [ctx.is_valid_id(t) for t in numbers]


def test_empty_batch(ctx):
    batch = ctx.verify_ids([])
    assert len(batch) == 0 and batch.valid == []


def test_garbage_never_raises(ctx):
    for junk in ['x' * 10000, '\x00' * 18, '😀' * 18, '11010519491231002X\x00']:
        assert not ctx.verify_id(junk).valid
