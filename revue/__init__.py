"""Revue: a static site generator for a French-language digest of Vietnam's bilateral relations."""
