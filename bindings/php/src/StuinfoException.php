<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * The one exception of the binding: a libstuinfo call failed. getStatus() (also
 * getCode()) is the stuinfo_status value, getMessage() the library's message in the
 * context's language (never a full ID number or a name), getStatusName() its short
 * English description.
 */
class StuinfoException extends \RuntimeException
{
    private int $status;
    private string $statusName;

    public function __construct(int $status, string $message = '')
    {
        $this->status = $status;
        $this->statusName = (string)Library::ffi()->stuinfo_status_str($status);
        parent::__construct($message !== '' ? $message : $this->statusName, $status);
    }

    public function getStatus(): int
    {
        return $this->status;
    }

    public function getStatusName(): string
    {
        return $this->statusName;
    }
}
