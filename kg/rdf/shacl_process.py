"""kg build's SHACL validation of kg.ttl (the SPARQL engine) in an interpreter of its own.

The validator loads kg.ttl into a pyoxigraph store (650 MB at 1000× the seeds): in the
build's process that store sat on top of the graph and was the build's peak memory. Here
``python -m kg.rdf.shacl_process KG_TTL`` validates the file the build has just written
(what is checked is what is written, as before) while the build goes on with graph.json,
and prints its ShaclResult, or the exception it raised, pickled. The result is the one
kg.rdf.shacl_sparql.validate gives in the build's process.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from kg import interpreter
from kg.errors import InputError
from kg.rdf.shacl_result import ShaclResult


class Validation:
    """The SHACL result of a kg.ttl, made meanwhile; :meth:`result` waits for it. Made with
    ``done``, a result already at hand (pySHACL runs in the build's process)."""

    def __init__(self, turtle: Path | None = None, done: ShaclResult | None = None) -> None:
        self.done = done
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed by __exit__, as the process ends
        self.process = (
            None
            if turtle is None
            else interpreter.start(__name__, str(turtle), stdout=subprocess.PIPE, stderr=self.errors)
        )

    def result(self) -> ShaclResult:
        if self.done is None:
            assert self.process is not None
            answer, _ = self.process.communicate()
            if self.process.returncode != 0:
                raise InputError(f"the SHACL validation stopped: {interpreter.last_line(self.errors)}")
            outcome = pickle.loads(answer)
            if isinstance(outcome, BaseException):
                raise outcome
            self.done = outcome
        assert isinstance(self.done, ShaclResult)
        return self.done

    def __enter__(self) -> Validation:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()  # the build stopped before it asked
            self.process.wait()
        self.errors.close()


def main(turtle: str) -> int:
    interpreter.end_with_parent()
    from kg.rdf import shacl_sparql

    outcome: ShaclResult | Exception
    try:
        outcome = shacl_sparql.validate(turtle=Path(turtle).read_bytes())
    except Exception as exc:  # noqa: BLE001 - raised in the build's process instead
        outcome = exc
    try:
        data = pickle.dumps(outcome)
    except (pickle.PicklingError, TypeError, AttributeError):
        data = pickle.dumps(RuntimeError(f"SHACL validation failed: {outcome!r}"))
    sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
