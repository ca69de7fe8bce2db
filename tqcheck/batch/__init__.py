"""Many article pairs at once: discovery, parallel runs, resume, and a summary."""
from tqcheck.batch.discover import PairSpec, discover, read_manifest
from tqcheck.batch.run import ArticleResult, GateArgs, batch_exit_status, run_batch, summary_document

__all__ = ["ArticleResult", "GateArgs", "PairSpec", "batch_exit_status", "discover", "read_manifest",
           "run_batch", "summary_document"]
