"""Rosters: read a CSV file (UTF-8 or GB18030) row by row, each row validated."""
from collections import namedtuple

from ._ffi import ffi, lib
from ._handle import Handle
from ._text import to_bytes
from .report import read_findings

RosterRow = namedtuple('RosterRow', 'row findings')
RosterRow.__doc__ = "A data row (1-based number) and its findings (a list of Finding)."


class RosterReader(Handle):
    """Iterate over the rows of a roster file, in constant memory:

    >>> with ctx.read_roster('examples/data/roster.csv') as r:
    ...     for row in r:                      # RosterRow(row=7, findings=[...])
    ...         ...
    ...     r.file_findings, r.counts          # after the last row
    """

    _what = 'roster reader'

    def __init__(self, ctx, path):
        self._ctx = ctx
        p = ffi.new('stuinfo_roster_reader **')
        ctx.check(lib.stuinfo_roster_reader_open(ctx.ptr, ffi.NULL, to_bytes(path), p))
        self._ptr = ffi.gc(p[0], lib.stuinfo_roster_reader_free)
        self._row = ffi.new('stuinfo_roster_row **')
        self.file_findings = []
        self.counts = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._ptr is None:
            raise StopIteration
        self._ctx.check(lib.stuinfo_roster_reader_next(self._ptr, self._row))
        row = self._row[0]
        if row == ffi.NULL:
            self.file_findings = read_findings(lib.stuinfo_roster_reader_file_findings(self._ptr))
            c = ffi.new('stuinfo_roster_counts *')
            c.size = ffi.sizeof('stuinfo_roster_counts')
            self._ctx.check(lib.stuinfo_roster_reader_counts(self._ptr, c))
            self.counts = {'rows_read': c.rows_read, 'rows_accepted': c.rows_accepted,
                           'rows_with_errors': c.rows_with_errors,
                           'rows_skipped': c.rows_skipped}
            self.close()
            raise StopIteration
        return RosterRow(int(lib.stuinfo_roster_row_number(row)),
                         read_findings(lib.stuinfo_roster_row_findings(row)))

