"""Every wrapper of a library handle closes the same way: at once, twice harmlessly, at the
end of ``with``; a closed one refuses to be used, saying what it is."""
import os

import pytest

import stuinfo

ROSTER = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'examples', 'data',
                      'roster.csv')


def make(ctx, kind):
    if kind == 'record':
        return ctx.student()
    if kind == 'roster reader':
        return ctx.read_roster(ROSTER)
    if kind == 'policy':
        return ctx.workflow_policy()
    policy = ctx.workflow_policy()
    return ctx.change_request(policy, stuinfo.Actor('student', 's1'), 'S-1', 1)


@pytest.mark.parametrize('kind', ['record', 'roster reader', 'policy', 'request'])
def test_close_then_use_raises_naming_the_handle(ctx, kind):
    h = make(ctx, kind)
    assert not h.closed
    h.ptr                                   # usable while open
    h.close()
    assert h.closed
    h.close()                               # a second close is harmless
    with pytest.raises(stuinfo.StuinfoError) as e:
        h.ptr
    assert e.value.status == stuinfo.ERR_INVALID_ARGUMENT
    assert 'the %s is closed' % kind in str(e.value)


@pytest.mark.parametrize('kind', ['record', 'roster reader', 'policy', 'request'])
def test_with_closes(ctx, kind):
    with make(ctx, kind) as h:
        assert not h.closed
    assert h.closed


def test_a_context_closes_like_the_others():
    ctx = stuinfo.Context()
    with ctx:
        assert not ctx.closed
    assert ctx.closed
    with pytest.raises(stuinfo.StuinfoError, match='the context is closed'):
        ctx.ptr
