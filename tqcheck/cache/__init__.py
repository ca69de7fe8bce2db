"""The two SQLite caches: translations (per engine, model and text) and finished reports."""
