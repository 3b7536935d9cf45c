<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * One student record, made from a Context. Fields by key ("name") or path
 * ("family[0].phone"), also as array offsets; freed by close() or the destructor,
 * which wipes every value.
 *
 *     $s = $ctx->student();
 *     $s['name'] = '张三';
 *     $s->addFamily(['relation' => '父亲', 'phone' => '13800138000']);
 *     foreach ($s->validate() as $f) { echo "$f->severity $f->field $f->message\n"; }
 *
 * @implements \ArrayAccess<string, ?string>
 */
final class Student implements \ArrayAccess
{
    private \FFI $ffi;
    private ?\FFI\CData $ptr;

    public function __construct(private Context $ctx, ?\FFI\CData $ptr = null)
    {
        $this->ffi = Library::ffi();
        if ($ptr === null) {
            $p = $this->ffi->new('stuinfo_student*');
            $ctx->check($this->ffi->stuinfo_student_new($ctx->ptr(), \FFI::addr($p)));
            $ptr = $p;
        }
        $this->ptr = $ptr;
    }

    public function __destruct()
    {
        $this->close();
    }

    public function close(): void
    {
        if ($this->ptr !== null) {
            $this->ffi->stuinfo_student_free($this->ptr);
            $this->ptr = null;
        }
    }

    public function ptr(): \FFI\CData
    {
        return $this->ptr ?? throw new StuinfoException(Library::ERR_INVALID_ARGUMENT,
                                                         'the record is closed');
    }

    private function withReport(callable $fn): array
    {
        $p = $this->ffi->new('stuinfo_report*');
        $this->ctx->check($this->ffi->stuinfo_report_new($this->ctx->ptr(), \FFI::addr($p)));
        try {
            $fn($p);
            return Finding::readAll($p);
        } finally {
            $this->ffi->stuinfo_report_free($p);
        }
    }

    /**
     * Set a field by key or path; null clears it. Returns the notes of what
     * canonicalization changed. Throws StuinfoException when the value cannot be stored.
     * @return Finding[]
     */
    public function set(string $path, ?string $value): array
    {
        $ptr = $this->ptr();
        $value ??= '';
        return $this->withReport(function ($report) use ($ptr, $path, $value) {
            $this->ctx->check($this->ffi->stuinfo_student_set_path($ptr, $path, $value,
                                                                    \strlen($value), $report));
        });
    }

    /** The canonical value of a field, or null when it is empty. */
    public function get(string $path): ?string
    {
        $text = $this->ffi->new('const char*');
        $len = $this->ffi->new('size_t');
        $this->ctx->check($this->ffi->stuinfo_student_get_path($this->ptr(), $path,
            \FFI::addr($text), \FFI::addr($len)));
        return \FFI::isNull($text) ? null : \FFI::string($text, $len->cdata);
    }

    public function offsetExists(mixed $offset): bool
    {
        return $this->get((string)$offset) !== null;
    }

    public function offsetGet(mixed $offset): ?string
    {
        return $this->get((string)$offset);
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        $this->set((string)$offset, $value === null ? null : (string)$value);
    }

    public function offsetUnset(mixed $offset): void
    {
        $this->set((string)$offset, null);
    }

    /** Append a family member or guardian with these values; returns its index. */
    public function addFamily(array $values = []): int
    {
        $i = $this->ffi->new('size_t');
        $this->ctx->check($this->ffi->stuinfo_student_family_add($this->ptr(), \FFI::addr($i)));
        foreach ($values as $k => $v) {
            $this->set("family[{$i->cdata}].$k", $v);
        }
        return $i->cdata;
    }

    /** Append a study-history entry with these values; returns its index. */
    public function addHistory(array $values = []): int
    {
        $i = $this->ffi->new('size_t');
        $this->ctx->check($this->ffi->stuinfo_student_history_add($this->ptr(), \FFI::addr($i)));
        foreach ($values as $k => $v) {
            $this->set("history[{$i->cdata}].$k", $v);
        }
        return $i->cdata;
    }

    public function familyCount(): int
    {
        return $this->ffi->stuinfo_student_family_count($this->ptr());
    }

    public function historyCount(): int
    {
        return $this->ffi->stuinfo_student_history_count($this->ptr());
    }

    /** Grows by one with every change (for optimistic concurrency). */
    public function version(): int
    {
        return $this->ffi->stuinfo_student_version($this->ptr());
    }

    /**
     * Check the record. $checks: stuinfo_check bits (null: all); $limits: policy
     * settings such as ['min_history' => 1].
     * @return Finding[] empty when the record is clean
     */
    public function validate(?int $checks = null, array $limits = []): array
    {
        $policy = null;
        if ($checks !== null || $limits) {
            $policy = $this->ffi->new('stuinfo_policy');
            $this->ctx->check($this->ffi->stuinfo_policy_init(\FFI::addr($policy)));
            if ($checks !== null) {
                $policy->checks = $checks;
            }
            foreach ($limits as $k => $v) {
                if ($k === 'size') {
                    throw new \InvalidArgumentException('unknown policy setting size');
                }
                try {
                    $policy->$k = $v;
                } catch (\FFI\Exception $e) {
                    throw new \InvalidArgumentException("unknown policy setting $k");
                }
            }
        }
        $ptr = $this->ptr();
        $pp = $policy === null ? null : \FFI::addr($policy);
        return $this->withReport(function ($report) use ($ptr, $pp) {
            $this->ctx->check($this->ffi->stuinfo_student_validate($ptr, $pp, $report));
        });
    }

    /** True when validate() finds no error (warnings and notes allowed). */
    public function isValid(?int $checks = null, array $limits = []): bool
    {
        foreach ($this->validate($checks, $limits) as $f) {
            if ($f->severity === 'error') {
                return false;
            }
        }
        return true;
    }

    /** A deep copy. */
    public function clone(): Student
    {
        $p = $this->ffi->new('stuinfo_student*');
        $this->ctx->check($this->ffi->stuinfo_student_clone($this->ptr(), \FFI::addr($p)));
        return new Student($this->ctx, $p);
    }

    /** The record as JSON text. */
    public function toJson(): string
    {
        $text = $this->ffi->new('const char*');
        $len = $this->ffi->new('size_t');
        $this->ctx->check($this->ffi->stuinfo_student_to_json($this->ptr(), \FFI::addr($text),
                                                               \FFI::addr($len)));
        return \FFI::string($text, $len->cdata);
    }

    /** A record read from JSON text (as toJson() writes it). */
    public static function fromJson(Context $ctx, string $json): Student
    {
        $ffi = Library::ffi();
        $p = $ffi->new('stuinfo_student*');
        $ctx->check($ffi->stuinfo_student_from_json($ctx->ptr(), $json, \strlen($json), null,
                                                     \FFI::addr($p)));
        return new Student($ctx, $p);
    }
}
