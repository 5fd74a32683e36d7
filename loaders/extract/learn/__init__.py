"""The learned event finder: a statistical complement to the extraction rules (off by default).

``casegraph extract --learned`` scores every person and organisation mention of a sentence
with one small logistic regression per (event kind, role), trained on the annotated
development corpus, and adds the events and ``PARTICIPANT_IN`` claims the rules
did not make (:mod:`.apply`). The weights ship as ``weights.json`` beside this module and
are applied in plain Python; scikit-learn is needed only to retrain them (:mod:`.train`,
``make learn``). The features are in :mod:`.features`; the honest measure (each development
split scored by a finder trained without it) is ``python -m loaders.extract.learn.crossval``.
"""

from loaders.extract.learn.apply import learned_events, load_model

__all__ = ["learned_events", "load_model"]
