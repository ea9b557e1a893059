"""ESCO, the European Skills, Competences, Qualifications and Occupations classification:
the EU's official CSV export loaded into the platform, searched as a person types, and
shown on public skill pages. "This service uses the ESCO classification of the European
Commission."""
