import os
import sys

# Run against the package in this source tree (meson sets STUINFO_LIBRARY and STUINFO_CDEF).
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))

import pytest  # noqa: E402

import stuinfo  # noqa: E402


@pytest.fixture
def ctx():
    with stuinfo.Context(lang='en', fixed_time=1764374400) as c:   # 2025-11-29 UTC
        yield c
