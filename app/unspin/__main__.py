"""Allow ``python -m unspin``."""

from unspin.cli import entry

if __name__ == "__main__":
    entry()
