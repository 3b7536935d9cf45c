<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * One finding of a validation: stable rule id ("idnum.check_char"), severity ("error",
 * "warning" or "note"), field path ("family[1].phone", "" if none), message (in the
 * context's language, never holding the personal data) and roster row (0 if none).
 */
final class Finding
{
    private const SEVERITIES = [1 => 'note', 2 => 'warning', 3 => 'error'];

    public function __construct(
        public readonly string $rule,
        public readonly string $severity,
        public readonly string $field,
        public readonly string $message,
        public readonly int $row = 0,
    ) {
    }

    /** @return Finding[] the findings of a stuinfo_report * */
    public static function readAll(\FFI\CData $report): array
    {
        $ffi = Library::ffi();
        $out = [];
        $f = $ffi->new('stuinfo_finding');
        $n = $ffi->stuinfo_report_count($report);
        for ($i = 0; $i < $n; $i++) {
            $f->size = \FFI::sizeof($f);
            if ($ffi->stuinfo_report_get($report, $i, \FFI::addr($f)) !== 0) {
                continue;
            }
            $out[] = new Finding((string)Library::str($f->rule),
                self::SEVERITIES[$f->severity] ?? 'unknown', (string)Library::str($f->field),
                (string)Library::str($f->message), (int)$f->row);
        }
        return $out;
    }

    /** @return array{rule: string, severity: string, field: string, message: string, row: int} */
    public function toArray(): array
    {
        return ['rule' => $this->rule, 'severity' => $this->severity, 'field' => $this->field,
                'message' => $this->message, 'row' => $this->row];
    }
}
