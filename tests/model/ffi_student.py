#!/usr/bin/env python3
"""The student record from Python through cffi and the generated cdef header:
build by path, validate, read the report, round-trip through JSON.

Usage: ffi_student.py stuinfo-cdef.h libstuinfo.so
"""
import json
import sys

import cffi


def main():
    cdef_path, lib_path = sys.argv[1], sys.argv[2]
    ffi = cffi.FFI()
    ffi.cdef(open(cdef_path, encoding='utf-8').read())
    lib = ffi.dlopen(lib_path)

    def check(rc):
        assert rc == lib.STUINFO_OK, rc

    p = ffi.new('stuinfo_ctx **')
    check(lib.stuinfo_ctx_new(ffi.NULL, p))
    ctx = p[0]
    check(lib.stuinfo_ctx_set_lang(ctx, lib.STUINFO_LANG_EN))
    check(lib.stuinfo_ctx_set_fixed_time(ctx, 1788220800))
    sp = ffi.new('stuinfo_student **')
    check(lib.stuinfo_student_new(ctx, sp))
    st = sp[0]
    rp = ffi.new('stuinfo_report **')
    check(lib.stuinfo_report_new(ctx, rp))
    rep = rp[0]

    def set_path(path, value):
        b = value.encode('utf-8')
        return lib.stuinfo_student_set_path(st, path.encode(), b, len(b), rep)

    def get_path(path):
        t = ffi.new('const char **')
        n = ffi.new('size_t *')
        check(lib.stuinfo_student_get_path(st, path.encode(), t, n))
        return None if t[0] == ffi.NULL else ffi.unpack(t[0], n[0]).decode('utf-8')

    check(set_path('name', '张三'))
    check(set_path('id_doc_no', '１１０１０５２０１５０３０７１２３５'))
    assert get_path('id_doc_no') == '110105201503071235'
    assert get_path('name_pinyin') == 'zhang san'
    check(set_path('sex', '女'))
    assert get_path('sex') == '2'
    check(set_path('birth_date', '2015-03-07'))
    check(set_path('id_doc_type', '1'))
    idx = ffi.new('size_t *')
    check(lib.stuinfo_student_family_add(st, idx))
    check(set_path('family[0].phone', '13900139000'))
    assert get_path('family[0].phone') == '13900139000'
    assert set_path('name', 'a\x00b') == lib.STUINFO_ERR_ENCODING
    assert lib.stuinfo_field_from_key(b'name', 4, ffi.new('int32_t *')) == lib.STUINFO_OK
    assert ffi.string(lib.stuinfo_field_label(lib.STUINFO_FIELD_NAME)).decode() == '姓名'

    check(lib.stuinfo_report_clear(rep))
    check(lib.stuinfo_student_validate(st, ffi.NULL, rep))
    rules = {}
    fd = ffi.new('stuinfo_finding *')
    for i in range(lib.stuinfo_report_count(rep)):
        fd.size = ffi.sizeof('stuinfo_finding')
        check(lib.stuinfo_report_get(rep, i, fd))
        rules[ffi.string(fd.rule).decode()] = ffi.string(fd.field).decode()
        assert '张' not in ffi.string(fd.message).decode('utf-8')
    assert rules.get('student.id_sex_mismatch') == 'sex', rules
    assert rules.get('student.required') is not None, rules

    pol = ffi.new('stuinfo_policy *')
    check(lib.stuinfo_policy_init(pol))
    assert pol.max_principal_family == 3 and pol.entry_age == 6

    j = ffi.new('const char **')
    n = ffi.new('size_t *')
    check(lib.stuinfo_student_to_json(st, j, n))
    doc = json.loads(ffi.unpack(j[0], n[0]).decode('utf-8'))
    assert doc['name'] == '张三' and doc['family'][0]['phone'] == '13900139000', doc
    text = json.dumps(doc, ensure_ascii=False).encode('utf-8')
    back = ffi.new('stuinfo_student **')
    check(lib.stuinfo_student_from_json(ctx, text, len(text), ffi.NULL, back))
    check(lib.stuinfo_student_to_json(back[0], j, n))
    assert json.loads(ffi.unpack(j[0], n[0]).decode('utf-8')) == doc
    lib.stuinfo_student_free(back[0])

    lib.stuinfo_report_free(rep)
    lib.stuinfo_student_free(st)
    lib.stuinfo_ctx_free(ctx)
    print('1 passed, 0 failed')


if __name__ == '__main__':
    main()
