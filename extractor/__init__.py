"""pantau: extract election-security records from Indonesian regional news."""

__version__ = "0.1.0"
