"""Text -> annotated doc. The only sub-package that imports spaCy."""
