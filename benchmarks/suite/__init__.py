"""The sentence-level evaluation suite: a fixed split by document (split.py), MQM-typed
perturbations made with real lexical resources (lexicon.py, perturb.py), units checked the
way the pipeline checks them (units.py), and the measures (measure.py).

`benchmarks/evaluate_sentences.py` runs it; `benchmarks/train_verdict.py` trains on its
train split."""
