"""``manage.py esco_load DIR [--pl DIR]``: an ESCO CSV export into the platform
(:func:`...services.esco_load`), each file read and its rows reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ....core.errors import PlatformError
from ...services import esco_load


class Command(BaseCommand):
    help = "Load the EU's official ESCO CSV export (English classification + relations)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory", type=Path, help="the folder of the English classification and relations"
        )
        parser.add_argument("--pl", type=Path, default=None,
                            help="the folder of the Polish classification package")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = esco_load(directory=options["directory"], pl=options["pl"],
                               now=timezone.now())  # fmt: skip
        except PlatformError as error:
            raise CommandError(error.text("en")) from None
        for line in report.lines():
            self.stdout.write(line)
