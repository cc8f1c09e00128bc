"""``python -m extractor.nlp.training``: train the NER model (``--help`` for options)."""
import sys

from .train import main

sys.exit(main())
