"""Floor for ``disclosure-desk check``: a Python process that imports json and does nothing else.

(What the issue measured: ``python -c "import json"``.) bench/bench_ratios.py divides the wall time of
``python -m disclosure_desk check SAMPLE`` by this process's.
"""

import json  # noqa: F401 - the floor is the import itself
