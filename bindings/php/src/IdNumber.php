<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * A verified identity number. $valid; $kind ("resident_18", ...); $reason (rule id of the
 * primary error, null when valid) and $message; $normalized; $birthDate ("YYYY-MM-DD");
 * $sex ("M", "F" or null); $addressCode, $province, $prefecture, $region; $upgraded
 * (18-digit form of a 15-digit number); $findings (from Context::checkId()).
 * $masked is the number masked for logs; __toString() gives it too.
 */
final class IdNumber
{
    public const KINDS = [1 => 'resident_18', 2 => 'resident_15', 3 => 'permit_hk',
        4 => 'permit_macao', 5 => 'permit_taiwan', 6 => 'foreign_pr_15',
        7 => 'foreign_pr_18', 8 => 'self_coded_18', 9 => 'temporary_18'];

    public readonly bool $valid;
    public readonly ?string $kind;
    public readonly ?string $reason;
    public readonly ?string $message;
    public readonly ?string $normalized;
    public readonly ?string $birthDate;
    public readonly ?string $sex;
    public readonly ?string $addressCode;
    public readonly ?string $province;
    public readonly ?string $prefecture;
    public readonly ?string $region;
    public readonly int $flags;

    /** @param Finding[] $findings */
    public function __construct(\FFI\CData $r, bool $valid, ?string $message,
                                public readonly ?string $upgraded,
                                public readonly string $masked,
                                public readonly array $findings)
    {
        $ffi = Library::ffi();
        $this->valid = $valid;
        $this->kind = self::KINDS[$r->kind] ?? null;
        $this->reason = $r->reason === 0 ? null
            : (string)$ffi->stuinfo_idnum_reason_rule($r->reason);
        $this->message = $message;
        $norm = \FFI::string($r->normalized);
        $this->normalized = $norm === '' ? null : $norm;
        $this->birthDate = $valid && $r->birth_year
            ? sprintf('%04d-%02d-%02d', $r->birth_year, $r->birth_month, $r->birth_day) : null;
        $this->sex = $valid ? ([1 => 'M', 2 => 'F'][$r->sex] ?? null) : null;
        $addr = \FFI::string($r->address_code);
        $this->addressCode = $addr === '' ? null : $addr;
        $this->province = Library::str($r->province_name);
        $this->prefecture = Library::str($r->prefecture_name);
        $this->region = Library::str($r->region_name);
        $this->flags = (int)$r->flags;
    }

    public function __toString(): string
    {
        return $this->masked;
    }
}
