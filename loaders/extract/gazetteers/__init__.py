"""The extractor's gazetteers: YAML data files read by :mod:`loaders.extract.gazetteer` (a package so they ship as its package data)."""
