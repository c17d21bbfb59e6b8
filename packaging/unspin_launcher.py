"""Entry point of the PyInstaller bundle: the same ``unspin`` command as the installed script."""

import multiprocessing
import sys

from unspin.cli import main

if __name__ == "__main__":
    # `unspin compare` may tokenize in a second process: a frozen program must let the
    # child run its task instead of starting Unspin again
    multiprocessing.freeze_support()
    sys.exit(main())
