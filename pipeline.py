#!/usr/bin/env python3
"""Entry script: ``python pipeline.py --help``. Same program as ``pantau``."""

import sys

from extractor.cli import script

if __name__ == "__main__":
    sys.exit(script())
