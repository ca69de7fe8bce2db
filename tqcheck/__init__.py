"""tqcheck: is this machine translation faithful to its original, passage by passage?"""

__version__ = "0.1.0"
