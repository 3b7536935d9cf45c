<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * Many numbers packed once into one C buffer and verified by one C call.
 *
 *     $batch = new Stuinfo\IdBatch($ctx, $numbers);   // packing: once
 *     $validCount = $batch->verify();                   // one call over the whole column
 *     $batch->isValid($i); $batch->rule($i);
 */
final class IdBatch
{
    private \FFI $ffi;
    private \FFI\CData $buf;
    private \FFI\CData $addrs;
    private \FFI\CData $ptrs;
    private \FFI\CData $lens;
    private \FFI\CData $reasons;
    private \FFI\CData $validOut;
    private \FFI\CData $validOutPtr;
    public readonly int $count;
    public int $validCount = 0;

    /** @param string[] $texts */
    public function __construct(private Context $ctx, array $texts)
    {
        $this->ffi = $ffi = Library::ffi();
        $texts = array_values($texts);
        $this->count = $n = \count($texts);
        $packed = implode('', $texts);
        $size = max(1, \strlen($packed));
        $m = max(1, $n);
        $this->buf = $ffi->new("char[$size]");
        \FFI::memcpy($this->buf, $packed, \strlen($packed));
        // The pointers are written as integers: PHP's FFI pointer arithmetic crashes when
        // its result is stored into an array element (PHP 8.2).
        $this->addrs = $ffi->new("uintptr_t[$m]");
        $this->ptrs = $ffi->cast('char**', \FFI::addr($this->addrs));
        $this->lens = $ffi->new("size_t[$m]");
        $this->reasons = $ffi->new("int32_t[$m]");
        $base = $ffi->cast('uintptr_t', \FFI::addr($this->buf))->cdata;
        $off = 0;
        foreach ($texts as $i => $t) {
            $len = \strlen($t);
            $this->addrs[$i] = $base + $off;
            $this->lens[$i] = $len;
            $off += $len;
        }
        $this->validOut = $ffi->new('size_t');
        $this->validOutPtr = \FFI::addr($this->validOut);
    }

    /** Verify every number (one C call). Returns how many are valid. */
    public function verify(): int
    {
        $this->ctx->check($this->ffi->stuinfo_idnum_verify_batch($this->ctx->ptr(), $this->ptrs,
            $this->lens, $this->count, $this->reasons, $this->validOutPtr));
        return $this->validCount = (int)$this->validOut->cdata;
    }

    /** The reason code of number $i (0 = valid). */
    public function reason(int $i): int
    {
        if ($i < 0 || $i >= $this->count) {
            throw new \OutOfRangeException("no number $i");
        }
        return $this->reasons[$i];
    }

    public function isValid(int $i): bool
    {
        return $this->reason($i) === 0;
    }

    /** The rule id of number $i's reason; null when it is valid. */
    public function rule(int $i): ?string
    {
        $r = $this->reason($i);
        return $r === 0 ? null : (string)$this->ffi->stuinfo_idnum_reason_rule($r);
    }

    /** @return bool[] one per number */
    public function validList(): array
    {
        $out = [];
        for ($i = 0; $i < $this->count; $i++) {
            $out[] = $this->reasons[$i] === 0;
        }
        return $out;
    }
}
