"""Test-wide settings.

Property tests run derandomized by default, so a CI run is reproducible and a red run can be
replayed exactly; ``HYPOTHESIS_PROFILE=explore`` draws fresh random examples to hunt for new bugs.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
