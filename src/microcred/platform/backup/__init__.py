"""Backups of a platform instance (``microcred backup`` / ``microcred restore``): one
archive with the database, the uploaded files and a manifest (:mod:`.archive`), made and
restored by :mod:`.services`. Sits above the apps (it reads the providers' sealed keys
to check them before a restore); no app imports it.
"""
