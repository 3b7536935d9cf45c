<?php
declare(strict_types=1);

use Stuinfo\Finding;
use Stuinfo\Library;
use Stuinfo\Student;

function test_set_get_notes(): void
{
    $s = ctx()->student();
    $notes = $s->set('name', ' 张三 ');
    check_same('张三', $s['name'], 'trimmed name');
    check(count(array_filter($notes, fn($f) => $f->rule === 'student.trimmed')) === 1, 'note');
    $s['id_doc_no'] = '11010519491231002x';
    check_same('11010519491231002X', $s['id_doc_no'], 'upper-cased');
    check_same(null, $s['email'], 'empty field');
    check(!isset($s['email']), 'isset');
    unset($s['name']);
    check_same(null, $s['name'], 'cleared');
    check($s->version() >= 3, 'version');
}

function test_family_and_history(): void
{
    $s = ctx()->student();
    check_same(0, $s->addFamily(['name' => '李四', 'relation' => '父亲',
                                 'phone' => '13800138000']), 'index');
    check_same(1, $s->familyCount(), 'count');
    check_same('李四', $s['family[0].name'], 'member name');
    check_same(0, $s->addHistory(), 'history index');
    check_same(1, $s->historyCount(), 'history count');
}

function test_bad_values_throw(): void
{
    $s = ctx()->student();
    $e = expect_error(function () use ($s) { $s['no_such_field'] = 'x'; }, 'field');
    check_same(Library::ERR_NOT_FOUND, $e->getStatus(), 'unknown field');
    $e = expect_error(function () use ($s) { $s['name'] = "a\u{200b}b"; }, 'zero width');
    check(in_array($e->getStatus(), [Library::ERR_INVALID, Library::ERR_ENCODING], true),
          'zero width status');
    expect_error(function () use ($s) { $s['family[5].name'] = 'x'; }, 'no member');
}

function test_validate(): void
{
    $s = ctx()->student();
    $s['name'] = '张三';
    $s['id_doc_type'] = '居民身份证';
    check_same('1', $s['id_doc_type'], 'doc type code');
    $s['id_doc_no'] = '11010519491231002X';
    $s['birth_date'] = '1949-12-31';
    $s['sex'] = '男';
    $findings = $s->validate();
    check(count($findings) > 0, 'findings');
    foreach ($findings as $f) {
        check($f instanceof Finding, 'Finding');
        check(in_array($f->severity, ['error', 'warning', 'note'], true), 'severity');
        check(!str_contains($f->message, '11010519491231002X'), 'no number in messages');
    }
    $identity = $s->validate(4);
    check_same(['student.id_sex_mismatch'], array_map(fn($f) => $f->rule, $identity),
               'identity only');
    check(!$s->isValid(), 'not valid');
    try {
        $s->validate(null, ['no_such_limit' => 1]);
        check(false, 'unknown limit accepted');
    } catch (\InvalidArgumentException $e) {
    }
}

function test_clone_and_close(): void
{
    $s = ctx()->student();
    $s['name'] = '张三';
    $c = $s->clone();
    $c['name'] = '李四';
    check_same('张三', $s['name'], 'original');
    $s->close();
    $s->close();
    expect_error(fn() => $s['name'], 'closed');
    check_same('李四', $c['name'], 'clone lives on');
}

function test_json_round_trip(): void
{
    $ctx = ctx();
    if (!Library::has('stuinfo_student_to_json')) {
        return;                      // JSON of records not in this library yet
    }
    $s = $ctx->student();
    $s['name'] = '张三';
    $t = Student::fromJson($ctx, $s->toJson());
    check_same('张三', $t['name'], 'name');
}

function test_sample_record_has_one_error(): void
{
    $ctx = ctx();
    $json = file_get_contents(__DIR__ . '/../../../examples/data/student.json');
    $s = Student::fromJson($ctx, $json);
    check_same('2', $s['sex'], 'sex code');
    $errors = array_values(array_filter($s->validate(), fn($f) => $f->severity === 'error'));
    check_same([['student.id_sex_mismatch', 'sex']],
               array_map(fn($f) => [$f->rule, $f->field], $errors), 'one error');
    $s['sex'] = '男';
    check($s->isValid(), 'valid after the fix');
    $e = expect_error(fn() => Student::fromJson($ctx, '{not json'), 'bad json');
    check_same(Library::ERR_PARSE, $e->getStatus(), 'parse status');
}

function test_check_roster(): void
{
    $ctx = ctx();
    $r = $ctx->checkRoster(__DIR__ . '/../../../tests/cli/data/roster-small.csv');
    check_same([1, 2, 3, 5], array_keys($r['rows']), 'rows with findings (notes included)');
    $errors = array_keys(array_filter($r['rows'], fn($fs) => \count(array_filter($fs,
        fn($f) => $f->severity === 'error')) > 0));
    check_same([2], $errors, 'rows with errors');
    check_same(['roster.duplicate_id'],
               array_map(fn($f) => $f->rule,
                         array_filter($r['file'], fn($f) => $f->severity === 'error')),
               'file findings');
    check_same(5, $r['counts']['rows_read'], 'rows read');
    $e = expect_error(fn() => $ctx->checkRoster('/nonexistent/roster.csv'), 'missing file');
    check_same(Library::ERR_IO, $e->getStatus(), 'io status');
}
