<?php
declare(strict_types=1);

use Stuinfo\Library;

const VALID = '11010519491231002X';

function test_verify_valid(): void
{
    $n = ctx()->verifyId(VALID);
    check($n->valid, 'valid');
    check_same('resident_18', $n->kind, 'kind');
    check_same(VALID, $n->normalized, 'normalized');
    check_same('1949-12-31', $n->birthDate, 'birth date');
    check_same('F', $n->sex, 'sex');
    check_same(['110105', '北京市', '朝阳区'], [$n->addressCode, $n->province, $n->region],
               'region');
    check_same(null, $n->reason, 'reason');
    check_same('110105********002X', (string)$n, 'masked');
}

function test_verify_invalid(): void
{
    $n = ctx()->verifyId('110105194912310021');
    check(!$n->valid, 'invalid');
    check_same('idnum.check_char', $n->reason, 'reason');
    check_same('wrong check character; expected X', $n->message, 'message');
    check_same(null, $n->birthDate, 'no birth date');
}

function test_check_lists_notes(): void
{
    $n = ctx()->checkId(' 11010519491231002x', 'id_doc_no');
    check($n->valid, 'valid');
    $rules = array_map(fn($f) => $f->rule, $n->findings);
    check(in_array('idnum.trimmed', $rules, true), 'trimmed');
    check(in_array('idnum.lower_case', $rules, true), 'lower case');
    foreach ($n->findings as $f) {
        check_same('note', $f->severity, 'severity');
        check_same('id_doc_no', $f->field, 'field');
    }
}

function test_legacy_mask_upgrade(): void
{
    $ctx = ctx();
    $n = $ctx->verifyId('110105491231002');
    check_same('resident_15', $n->kind, 'kind');
    check_same(VALID, $n->upgraded, 'upgraded');
    check_same(VALID, $ctx->upgradeId('110105491231002'), 'upgradeId');
    check_same('110105********002X', $ctx->maskId(VALID), 'mask');
    $e = expect_error(fn() => $ctx->upgradeId('12345'), 'upgrade invalid');
    check_same(Library::ERR_INVALID, $e->getStatus(), 'status');
}

function test_is_valid_fast_path(): void
{
    $ctx = ctx();
    check($ctx->isValidId(VALID), 'valid');
    check(!$ctx->isValidId('110105194912310021'), 'check char');
    check(!$ctx->isValidId(''), 'empty');
    check(!$ctx->isValidId("\xff\xfe"), 'not UTF-8');
    check($ctx->isValidId('１１０１０５１９４９１２３１００２Ｘ'), 'full width');
}

function test_batch(): void
{
    $ctx = ctx();
    $numbers = [];
    for ($i = 0; $i < 1000; $i++) {
        array_push($numbers, VALID, '110105194912310021', '', '110105491231002', '1.10105E+17');
    }
    $b = $ctx->verifyIds($numbers);
    check_same(5000, $b->count, 'count');
    check_same(2000, $b->validCount, 'valid count');
    check_same([true, false, false, true, false], array_slice($b->validList(), 0, 5), 'valid');
    check_same('idnum.check_char', $b->rule(1), 'rule 1');
    check_same('idnum.empty', $b->rule(2), 'rule 2');
    check_same(null, $b->rule(3), 'rule 3');
    check_same(2000, $b->verify(), 'again');
    $single = array_map(fn($t) => $ctx->isValidId($t), array_slice($numbers, 0, 5));
    check_same($single, array_slice($b->validList(), 0, 5), 'agrees with single');
    check_same(0, $ctx->verifyIds([])->count, 'empty batch');
}

function test_garbage_never_crashes(): void
{
    $ctx = ctx();
    foreach ([str_repeat('x', 10000), str_repeat("\0", 18), str_repeat('😀', 18)] as $junk) {
        check(!$ctx->verifyId($junk)->valid, 'junk');
    }
}
