"""The Django project's configuration: settings, URLs and the WSGI/ASGI entry points."""
