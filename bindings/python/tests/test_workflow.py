import json
import os

import pytest

import stuinfo

STUDENT_JSON = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'examples', 'data',
                            'student.json')
PUPIL = stuinfo.Actor('student', 's2021001')
TEACHER = stuinfo.Actor('teacher', 't-wang')
REGISTRAR = stuinfo.Actor('registrar', 'reg-li')


@pytest.fixture
def record(ctx):
    with open(STUDENT_JSON, encoding='utf-8') as f:
        with ctx.student(f.read()) as s:
            yield s


@pytest.fixture
def policy(ctx):
    with ctx.workflow_policy() as p:
        yield p


def submitted(ctx, policy, record):
    req = ctx.change_request(policy, PUPIL, 'S-0001', record.version)
    req.set_change(PUPIL, 'sex', '女', '男')
    req.add_evidence(PUPIL, 'household_register', 'HR-2021-0001')
    req.act(PUPIL, 'submit')
    return req


def test_from_draft_to_applied(ctx, policy, record):
    version = record.version
    with ctx.change_request(policy, PUPIL, 'S-0001', version, kind='correction') as req:
        assert req.state == 'draft' and req.revision == 1 and req.kind == 'correction'
        assert req.student_id == 'S-0001' and req.policy_id == 'default'
        assert req.record_version == version
        req.set_change(PUPIL, 'sex', '女', '男')
        assert req.changes == [stuinfo.Change('sex', '女', '男')]
        req.add_evidence(PUPIL, 'household_register', 'HR-2021-0001')
        assert req.evidence == [stuinfo.Evidence('household_register', 'HR-2021-0001')]
        req.act(PUPIL, 'submit')
        req.act(TEACHER, 'approve')
        assert req.state == 'second_review'            # sex is a key field
        assert req.can(REGISTRAR, 'approve') is True
        req.act(REGISTRAR, 'approve', comment='户口簿已核对')
        assert req.state == 'approved'
        diff = req.apply(REGISTRAR, record)
        assert req.state == 'applied' and req.revision == 7
        assert [d.field for d in diff] == ['sex'] and diff[0].new == '1'
        assert record['sex'] == '1' and record.version == version + 1
        log = req.log
        assert [e.action for e in log] == ['create', 'edit', 'edit', 'submit', 'approve',
                                           'approve', 'apply']
        assert log[3].from_state == 'draft' and log[3].to_state == 'submitted'
        assert log[5].actor == 'reg-li' and log[5].role == 'registrar'
        assert log[5].comment == '户口簿已核对'
        assert log[-1].hash == req.head and len(req.head) == 64
        assert '女' not in log[1].changes                 # key values masked in the log
        assert log[0].time == 1764374400                 # the ctx clock
        req.verify_log(req.head)
        assert req.is_intact()


def test_refusals_raise_the_specific_status_and_change_nothing(ctx, policy, record):
    with ctx.change_request(policy, PUPIL, 'S-0001', record.version) as req:
        req.set_change(PUPIL, 'name', '张三', '张叁')
        before = req.to_json()
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.act(PUPIL, 'submit')
        assert e.value.status == stuinfo.ERR_EVIDENCE_REQUIRED
        assert e.value.message and '张三' not in e.value.message
        req.add_evidence(PUPIL, 'police_certificate', 'PC-1')
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.act(PUPIL, 'submit', graduated=True)
        assert e.value.status == stuinfo.ERR_LOCKED_GRADUATED
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.act(PUPIL, 'submit', seen_revision=1)
        assert e.value.status == stuinfo.ERR_STALE_VERSION
        req.act(PUPIL, 'submit')
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.act(stuinfo.Actor('teacher', 's2021001'), 'approve')
        assert e.value.status == stuinfo.ERR_SEPARATION_OF_DUTIES
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.act(PUPIL, 'approve')
        assert e.value.status == stuinfo.ERR_PERMISSION
        refusal = req.can(PUPIL, 'approve')
        assert isinstance(refusal, stuinfo.StuinfoError)
        assert refusal.status == stuinfo.ERR_PERMISSION
        assert req.state == 'submitted' and req.revision == 4
        assert before != req.to_json()
    with pytest.raises(ValueError):
        ctx.change_request(policy, stuinfo.Actor('janitor', 'x'), 'S-1', 1)
    with pytest.raises(stuinfo.StuinfoError):
        ctx.change_request(policy, PUPIL, 'S-1', 1).set_change(PUPIL, 'no_such', None, 'x')


def test_apply_refuses_a_record_that_would_not_validate(ctx, policy, record):
    with ctx.change_request(policy, PUPIL, 'S-0001', record.version) as req:
        req.set_change(PUPIL, 'birth_date', '2015-03-07', '2016-03-07')
        req.add_evidence(PUPIL, 'household_register', 'HR-1')
        req.act(PUPIL, 'submit')
        req.act(TEACHER, 'approve')
        req.act(REGISTRAR, 'approve')
        version = record.version
        with pytest.raises(stuinfo.StuinfoError) as e:
            req.apply(REGISTRAR, record)
        assert e.value.status == stuinfo.ERR_VALIDATION_FAILED
        assert e.value.findings and all(f.severity == 'error' for f in e.value.findings)
        assert record.version == version and record['birth_date'] == '2015-03-07'
        assert req.state == 'approved' and req.diff == []


def test_json_round_trip_and_tampering(ctx, policy, record):
    with submitted(ctx, policy, record) as req:
        text = req.to_json()
        head = req.head
    with stuinfo.ChangeRequest.from_json(ctx, text, policy) as back:
        assert back.to_json() == text
        assert back.state == 'submitted' and back.head == head
        back.act(TEACHER, 'approve')
        with pytest.raises(stuinfo.StuinfoError) as e:
            back.verify_log(head)                      # the log moved on since
        assert e.value.status == stuinfo.ERR_TAMPERED and e.value.bad_index == 5
        assert not back.is_intact(head)
    doc = json.loads(text)
    doc['log']['entries'][1]['actor'] = 'someone_else'
    with pytest.raises(stuinfo.StuinfoError) as e:
        stuinfo.ChangeRequest.from_json(ctx, json.dumps(doc, ensure_ascii=False))
    assert e.value.status == stuinfo.ERR_TAMPERED


def test_policy_json_window_and_classes(ctx, policy, record):
    assert policy.id == 'default'
    assert policy.field_class('name') == 'key'
    assert policy.field_class('ethnicity') == 'grey'
    assert policy.field_class('family[0].phone') == 'open'
    policy.id = 'spring'
    policy.set_window(1764374400 - 7200, 1764374400 - 3600)     # closed an hour ago
    text = policy.to_json()
    with ctx.workflow_policy(text) as p2:
        assert p2.to_json() == text and p2.id == 'spring'
        with ctx.change_request(p2, PUPIL, 'S-1', record.version) as req:
            with pytest.raises(stuinfo.StuinfoError) as e:
                req.set_change(PUPIL, 'phone', None, '13900139000')
            assert e.value.status == stuinfo.ERR_WINDOW_CLOSED
            # read back without its policy: the defaults, whose id is another
            with stuinfo.ChangeRequest.from_json(ctx, req.to_json()) as other:
                with pytest.raises(stuinfo.StuinfoError) as e:
                    other.act(PUPIL, 'withdraw')
                assert e.value.status == stuinfo.ERR_INVALID_ARGUMENT


def test_close_is_safe(ctx, policy, record):
    req = ctx.change_request(policy, PUPIL, 'S-1', record.version, kind='change')
    assert req.kind == 'change_of_fact'
    req.close()
    req.close()
    with pytest.raises(stuinfo.StuinfoError):
        req.state
    assert 'closed' in repr(req)
