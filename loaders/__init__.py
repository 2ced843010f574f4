"""Reading documents and extracting entities and relations from them."""

import os

# The name tagger's arrays (numpy) need no BLAS threads, and OpenBLAS starts them as numpy is
# imported: a process with a second thread cannot fork safely, and the build's writer of its
# outputs forks only from a process that has none (kg/graph/aside.py). A user's own setting
# is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
