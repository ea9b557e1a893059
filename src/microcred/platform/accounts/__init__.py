"""People and organisations: users (who log in with their e-mail address), organisations
(the platform, QA bodies, providers, employers, guidance centres) and each person's roles
in them."""
