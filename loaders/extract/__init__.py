"""From articles to draft fact files, offline: cleaning, mentions, names across scripts, claims.

>>> from loaders.extract import extract_articles
>>> report = extract_articles(["article.txt"], "drafts/")          # doctest: +SKIP

Modules: :mod:`.clean` (HTML via trafilatura, text leftovers), :mod:`.gazetteer` (the
data files in ``gazetteers/``), :mod:`.mentions` (entities, people and their
coreference), :mod:`.claims` (sentence rules), :mod:`.draft` (the pipeline),
:mod:`.review` (the reviewer's decisions), :mod:`.evaluate` (precision and recall
against annotated fact files).
"""

from loaders.extract.clean import Article, ArticleError, read_article
from loaders.extract.draft import ExtractReport, draft_document, extract_article, extract_articles

__all__ = ["Article", "ArticleError", "read_article", "ExtractReport", "draft_document", "extract_article",
           "extract_articles"]
