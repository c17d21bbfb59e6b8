"""Unspin: see exactly which words a spinner swapped between two versions of an article."""

__version__ = "0.1.0"
