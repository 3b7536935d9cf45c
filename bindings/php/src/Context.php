<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * A libstuinfo context: message language, clock, last status. Every other object is
 * made from one. Freed by close() or when the object goes away; objects made from it
 * stay usable (the library keeps the context until its last object is freed).
 *
 *     $ctx = new Stuinfo\Context('en');
 *     $id = $ctx->verifyId('11010519491231002X');
 *     echo $id->valid ? $id->birthDate : $id->message;
 */
final class Context
{
    private \FFI $ffi;
    private ?\FFI\CData $ptr;
    /** Scratch result for verifications, allocated once, passed by pointer. */
    private \FFI\CData $result;
    private \FFI\CData $resultPtr;
    private \FFI\CData $buf;
    private ?\FFI\CData $report = null;

    public function __construct(string $lang = 'zh', ?int $fixedTime = null)
    {
        $this->ffi = $ffi = Library::ffi();
        $opts = $ffi->new('stuinfo_ctx_options');
        $ffi->stuinfo_ctx_options_init(\FFI::addr($opts));
        $opts->lang = self::langCode($lang);
        $p = $ffi->new('stuinfo_ctx*');
        $rc = $ffi->stuinfo_ctx_new(\FFI::addr($opts), \FFI::addr($p));
        if ($rc !== 0) {
            throw new StuinfoException($rc);
        }
        $this->ptr = $p;
        $this->result = $ffi->new('stuinfo_idnum_result');
        $this->result->size = \FFI::sizeof($this->result);
        $this->resultPtr = \FFI::addr($this->result);
        $this->buf = $ffi->new('char[64]');
        if ($fixedTime !== null) {
            $this->setFixedTime($fixedTime);
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Free the context now (safe to call twice). */
    public function close(): void
    {
        if ($this->report !== null) {
            $this->ffi->stuinfo_report_free($this->report);
            $this->report = null;
        }
        if ($this->ptr !== null) {
            $this->ffi->stuinfo_ctx_free($this->ptr);
            $this->ptr = null;
        }
    }

    /** The stuinfo_ctx * for other wrappers; throws once closed. */
    public function ptr(): \FFI\CData
    {
        return $this->ptr ?? throw new StuinfoException(Library::ERR_INVALID_ARGUMENT,
                                                         'the context is closed');
    }

    /** Throw a StuinfoException with the last message unless $status is 0. */
    public function check(int $status): void
    {
        if ($status !== 0) {
            throw new StuinfoException($status, $this->lastMessage());
        }
    }

    public function lastMessage(): string
    {
        return (string)$this->ffi->stuinfo_ctx_last_message($this->ptr());
    }

    public function lastStatus(): int
    {
        return (int)$this->ffi->stuinfo_ctx_last_status($this->ptr());
    }

    public function lang(): string
    {
        return $this->ffi->stuinfo_ctx_lang($this->ptr()) === 1 ? 'en' : 'zh';
    }

    public function setLang(string $lang): void
    {
        $this->check($this->ffi->stuinfo_ctx_set_lang($this->ptr(), self::langCode($lang)));
    }

    /** Pin the clock at $epochSeconds (UTC), for reproducible runs. */
    public function setFixedTime(int $epochSeconds): void
    {
        $this->check($this->ffi->stuinfo_ctx_set_fixed_time($this->ptr(), $epochSeconds));
    }

    private static function langCode(string $lang): int
    {
        $l = strtolower($lang);
        if (str_starts_with($l, 'en')) {
            return 1;
        }
        if (str_starts_with($l, 'zh')) {
            return 0;
        }
        throw new \InvalidArgumentException("unsupported language '$lang' (zh or en)");
    }

    // -- identity numbers --------------------------------------------------------------

    /** True if $text is a valid number (warnings allowed). The fast path: no allocation. */
    public function isValidId(string $text): bool
    {
        $rc = $this->ffi->stuinfo_idnum_verify($this->ptr, $text, \strlen($text),
                                               $this->resultPtr);
        if ($rc === 0) {
            return true;
        }
        if ($rc === Library::ERR_INVALID) {
            return false;
        }
        $this->check($rc);              // misuse (closed context ...)
        return false;
    }

    /** Verify a number: an IdNumber (valid, kind, birthDate, sex, region, or reason). */
    public function verifyId(string $text): IdNumber
    {
        $rc = $this->ffi->stuinfo_idnum_verify($this->ptr(), $text, \strlen($text),
                                               $this->resultPtr);
        return $this->build($text, $rc, [], $rc === 0 ? null : $this->lastMessage());
    }

    /** As verifyId(), with every error, warning and note in ->findings. */
    public function checkId(string $text, string $field = ''): IdNumber
    {
        if ($this->report === null) {
            $p = $this->ffi->new('stuinfo_report*');
            $this->check($this->ffi->stuinfo_report_new($this->ptr(), \FFI::addr($p)));
            $this->report = $p;
        }
        $this->ffi->stuinfo_report_clear($this->report);
        $rc = $this->ffi->stuinfo_idnum_check($this->ptr(), $text, \strlen($text), $field,
                                              $this->report, $this->resultPtr);
        $message = $rc === 0 ? null : $this->lastMessage();   // before other calls
        return $this->build($text, $rc, Finding::readAll($this->report), $message);
    }

    /** @param Finding[] $findings */
    private function build(string $text, int $rc, array $findings, ?string $message): IdNumber
    {
        if ($rc !== 0 && $rc !== Library::ERR_INVALID) {
            throw new StuinfoException($rc, (string)$message);
        }
        $r = $this->result;
        $valid = $rc === 0;
        $upgraded = null;
        if ($valid && $r->kind === 2) {
            $upgraded = $this->upgradeId($text);
        }
        return new IdNumber($r, $valid, $message, $upgraded, $this->maskId($text), $findings);
    }

    /** Verify many numbers with one C call; see IdBatch. @param string[] $texts */
    public function verifyIds(array $texts): IdBatch
    {
        $batch = new IdBatch($this, $texts);
        $batch->verify();
        return $batch;
    }

    /** The number masked for display: 110105********002X. */
    public function maskId(string $text, ?string $pattern = null): string
    {
        $len = $this->ffi->new('size_t');
        $this->check($this->ffi->stuinfo_idnum_mask($this->ptr(), $text, \strlen($text),
                                                     $pattern, $this->buf, 64,
                                                     \FFI::addr($len)));
        return \FFI::string($this->buf, $len->cdata);
    }

    /** The 18-digit form of a valid 15-digit number. */
    public function upgradeId(string $text): string
    {
        $this->check($this->ffi->stuinfo_idnum_upgrade($this->ptr(), $text, \strlen($text),
                                                        $this->buf, 64));
        return \FFI::string($this->buf);
    }

    // -- code tables -------------------------------------------------------------------

    /** A table number from its key ("ethnicity") or number. */
    public function tableId(string|int $table): int
    {
        if (\is_int($table)) {
            return $table;
        }
        $info = $this->ffi->new('stuinfo_code_table_info');
        for ($t = 1; $t <= 64; $t++) {
            $info->size = \FFI::sizeof($info);
            if ($this->ffi->stuinfo_code_table_get_info($this->ptr(), $t, \FFI::addr($info)) === 0
                && Library::str($info->key) === $table) {
                return $t;
            }
        }
        throw new StuinfoException(Library::ERR_NOT_FOUND, "no code table '$table'");
    }

    /**
     * Find a code by code or by name ("汉", "Han", "01").
     * @return array{code: string, name: ?string, short_name: ?string, name_en: ?string}
     */
    public function code(string|int $table, string $query): array
    {
        $t = $this->tableId($table);
        $e = $this->ffi->new('stuinfo_code_entry');
        $e->size = \FFI::sizeof($e);
        $rc = $this->ffi->stuinfo_code_find($this->ptr(), $t, $query, \strlen($query),
                                            \FFI::addr($e));
        if ($rc === Library::ERR_NOT_FOUND) {
            $rc = $this->ffi->stuinfo_code_find_name($this->ptr(), $t, $query, \strlen($query),
                                                     \FFI::addr($e));
        }
        $this->check($rc);
        return ['code' => (string)Library::str($e->code), 'name' => Library::str($e->name),
                'short_name' => Library::str($e->short_name),
                'name_en' => Library::str($e->name_en), 'flags' => (int)$e->flags];
    }

    // -- rosters -----------------------------------------------------------------------

    /**
     * Read a roster file (CSV, UTF-8 or GB18030) row by row, each row validated, and keep
     * only the findings: ['rows' => [row number => Finding[]] (rows with findings),
     * 'file' => Finding[] (headings, duplicates across rows), 'counts' => [...]].
     * @return array{rows: array<int, Finding[]>, file: Finding[], counts: array<string, int>}
     */
    public function checkRoster(string $path): array
    {
        $ffi = $this->ffi;
        $p = $ffi->new('stuinfo_roster_reader*');
        $this->check($ffi->stuinfo_roster_reader_open($this->ptr(), null, $path, \FFI::addr($p)));
        try {
            $rows = [];
            $row = $ffi->new('stuinfo_roster_row*');
            while (true) {
                $this->check($ffi->stuinfo_roster_reader_next($p, \FFI::addr($row)));
                if (\FFI::isNull($row)) {
                    break;
                }
                $findings = Finding::readAll($ffi->stuinfo_roster_row_findings($row));
                if ($findings) {
                    $rows[$ffi->stuinfo_roster_row_number($row)] = $findings;
                }
            }
            $c = $ffi->new('stuinfo_roster_counts');
            $c->size = \FFI::sizeof($c);
            $this->check($ffi->stuinfo_roster_reader_counts($p, \FFI::addr($c)));
            return ['rows' => $rows,
                    'file' => Finding::readAll($ffi->stuinfo_roster_reader_file_findings($p)),
                    'counts' => ['rows_read' => $c->rows_read, 'rows_accepted' => $c->rows_accepted,
                                 'rows_with_errors' => $c->rows_with_errors,
                                 'rows_skipped' => $c->rows_skipped]];
        } finally {
            $ffi->stuinfo_roster_reader_free($p);
        }
    }

    // -- records -----------------------------------------------------------------------

    /** A new, empty student record. */
    public function student(): Student
    {
        return new Student($this);
    }
}
