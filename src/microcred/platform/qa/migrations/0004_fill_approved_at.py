"""Each approved version's ``approved_at`` (a catalog field since catalog 0005) from the
review that approved it."""

from typing import Any

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps: Any, schema_editor: Any) -> None:
    # the database being migrated (a restore migrates a copy under another alias)
    db = schema_editor.connection.alias
    version = apps.get_model("catalog", "DesignVersion")
    review = apps.get_model("qa", "DesignReview")
    approval = review.objects.using(db).filter(version=OuterRef("pk"), decision="approve")
    approval = approval.order_by("decided_at")
    version.objects.using(db).filter(status="approved").update(
        approved_at=Subquery(approval.values("decided_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0003_learnerfeedback"),
        ("catalog", "0005_designversion_approved_at"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
