<?php
declare(strict_types=1);

use Stuinfo\Context;
use Stuinfo\Library;
use Stuinfo\StuinfoException;

function test_version(): void
{
    check(substr_count(Library::version(), '.') === 2, Library::version());
}

function test_language_and_exception_carry_status_and_message(): void
{
    $ctx = new Context();
    check_same('zh', $ctx->lang(), 'default language');
    $ctx->setLang('en');
    check_same('en', $ctx->lang(), 'lang');
    $e = expect_error(fn() => $ctx->code('ethnicity', 'Klingon'), 'unknown name');
    check_same(Library::ERR_NOT_FOUND, $e->getStatus(), 'status');
    check_same(Library::ERR_NOT_FOUND, $e->getCode(), 'code');
    check_same('not found', $e->getStatusName(), 'status name');
    check($e->getMessage() !== '', 'message');
    try {
        new Context('fr');
        check(false, 'fr accepted');
    } catch (\InvalidArgumentException $e) {
    }
}

function test_closed_context_throws(): void
{
    $ctx = ctx();
    $ctx->close();
    $ctx->close();
    $e = expect_error(fn() => $ctx->verifyId('11010519491231002X'), 'closed');
    check_same(Library::ERR_INVALID_ARGUMENT, $e->getStatus(), 'status');
}

function test_objects_outlive_their_context(): void
{
    for ($i = 0; $i < 50; $i++) {
        $ctx = ctx();
        $s = $ctx->student();
        $s['name'] = '张三';
        $ctx->close();                 // the library keeps the context for the record
        check_same('张三', $s['name'], 'name after close');
        unset($ctx, $s);
    }
}

function test_codes(): void
{
    $ctx = ctx();
    $c = $ctx->code('ethnicity', '汉');
    check_same(['01', '汉族', 'Han'], [$c['code'], $c['name'], $c['name_en']], 'ethnicity');
    check_same('156', $ctx->code('nationality', 'CHN')['code'], 'nationality');
    check_same('朝阳区', $ctx->code('region', '110105')['name'], 'region');
    expect_error(fn() => $ctx->code('no_such_table', 'x'), 'table');
}
