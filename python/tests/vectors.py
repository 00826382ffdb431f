"""Reading and writing tests/vectors.json (shared by make_vectors.py and the pytest suite).

JSON has no NaN or infinity: non-finite doubles travel as the strings "NaN", "Infinity" and
"-Infinity". The Java parity test decodes them the same way.
"""

import json
import math
import os

VECTORS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.json")

_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def encode(value):
    """Returns value with every non-finite float replaced by its string name."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def decode(value, key=None):
    """Inverse of encode: the strings "NaN", "Infinity", "-Infinity" become floats again.

    The reason fields are the only other strings in the file and never take those values.
    """
    if isinstance(value, str) and key != "reason" and key != "name" and value in _NON_FINITE:
        return _NON_FINITE[value]
    if isinstance(value, dict):
        return {k: decode(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def load():
    """The decoded vectors document."""
    with open(VECTORS_PATH, encoding="utf-8") as f:
        return decode(json.load(f))
