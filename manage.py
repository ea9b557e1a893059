#!/usr/bin/env python3
"""Django's command-line utility for the microcred platform.

Kept at the top of the repository, outside ``src/microcred/``: a script inside the package
would put ``src/microcred/`` on ``sys.path`` first, and ``microcred/platform/`` would then
shadow the standard library's ``platform`` module.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
