"""A trial that is a pure Python function: the Branin function, a classic optimisation benchmark.

Its minimum, 0.397887, is reached at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475). The trial
reads x and y from Tunelab, reports the function's value and exits in milliseconds.
"""
import math

import tunelab


def branin(x: float, y: float) -> float:
    return (y - 5.1 / (4 * math.pi ** 2) * x ** 2 + 5 / math.pi * x - 6) ** 2 \
        + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x) + 10


params = tunelab.get_next_parameter()
tunelab.report_final_result(branin(params["x"], params["y"]))
