"""The Django project: one app per concept. Filled by later work."""
