<?php
declare(strict_types=1);

use Stuinfo\ChangeRequest;
use Stuinfo\Library;
use Stuinfo\Student;

const WF_PUPIL = ['student', 's2021001'];
const WF_TEACHER = ['teacher', 't-wang'];
const WF_REGISTRAR = ['registrar', 'reg-li'];

function wf_record(Stuinfo\Context $ctx): Student
{
    $json = file_get_contents(__DIR__ . '/../../../examples/data/student.json');
    return Student::fromJson($ctx, (string)$json);
}

function test_change_request_from_draft_to_applied(): void
{
    $ctx = ctx();
    $record = wf_record($ctx);
    $version = $record->version();
    $req = ChangeRequest::create($ctx, WF_PUPIL, 'S-0001', $version);
    check_same('draft', $req->state(), 'created');
    $req->setChange(WF_PUPIL, 'sex', '女', '男');
    check_same([['field' => 'sex', 'old' => '女', 'new' => '男']], $req->changes(), 'changes');
    $req->addEvidence(WF_PUPIL, 'household_register', 'HR-2021-0001');
    $req->act(WF_PUPIL, 'submit');
    $req->act(WF_TEACHER, 'approve');
    check_same('second_review', $req->state(), 'key field: registrar next');
    $req->act(WF_REGISTRAR, 'approve', '户口簿已核对');
    $diff = $req->apply(WF_REGISTRAR, $record);
    check_same('applied', $req->state(), 'applied');
    check_same('1', $diff[0]['new'], 'diff');
    check_same('1', $record['sex'], 'record changed');
    check_same($version + 1, $record->version(), 'record version');
    $log = $req->log();
    check_same(7, count($log), 'log length');
    check_same('户口簿已核对', $log[5]['comment'], 'comment');
    check_same($req->head(), $log[6]['hash'], 'head');
    check($req->verifyLog($req->head()), 'log verifies');
    $req->close();
    $req->close();
}

function test_change_request_refusals(): void
{
    $ctx = ctx();
    $record = wf_record($ctx);
    $req = ChangeRequest::create($ctx, WF_PUPIL, 'S-0001', $record->version());
    $req->setChange(WF_PUPIL, 'name', '张三', '张叁');
    $e = expect_error(fn() => $req->act(WF_PUPIL, 'submit'), 'no evidence');
    check_same(15, $e->getStatus(), 'EVIDENCE_REQUIRED');
    check(!str_contains($e->getMessage(), '张三'), 'no name in the message');
    $req->addEvidence(WF_PUPIL, 'police_certificate', 'PC-1');
    $e = expect_error(fn() => $req->act(WF_PUPIL, 'submit', null, null, ['graduated' => true]),
                      'graduated');
    check_same(16, $e->getStatus(), 'LOCKED_GRADUATED');
    $e = expect_error(fn() => $req->act(WF_PUPIL, 'submit', null, 1), 'stale');
    check_same(18, $e->getStatus(), 'STALE_VERSION');
    $req->act(WF_PUPIL, 'submit');
    $e = expect_error(fn() => $req->act(['teacher', 's2021001'], 'approve'), 'own request');
    check_same(13, $e->getStatus(), 'SEPARATION_OF_DUTIES');
    $e = expect_error(fn() => $req->act(WF_PUPIL, 'approve'), 'student approves');
    check_same(Library::ERR_PERMISSION, $e->getStatus(), 'PERMISSION');
    check_same('submitted', $req->state(), 'unchanged');
}

function test_change_request_json_round_trip_and_tampering(): void
{
    $ctx = ctx();
    $record = wf_record($ctx);
    $req = ChangeRequest::create($ctx, WF_PUPIL, 'S-0001', $record->version());
    $req->setChange(WF_PUPIL, 'phone', null, '13900139000');
    $req->act(WF_PUPIL, 'submit');
    $json = $req->toJson();
    $back = ChangeRequest::fromJson($ctx, $json);
    check_same($json, $back->toJson(), 'byte-for-byte');
    check_same($req->head(), $back->head(), 'same head');
    $back->act(WF_TEACHER, 'approve');
    check_same('approved', $back->state(), 'open field: one level');
    check(!$back->verifyLog($req->head()), 'the log moved on since the kept head');
    $doc = json_decode($json, true);
    $doc['log']['entries'][1]['actor'] = 'someone_else';
    $e = expect_error(fn() => ChangeRequest::fromJson($ctx, json_encode($doc,
        JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES)), 'tampered');
    check_same(19, $e->getStatus(), 'TAMPERED');
}
