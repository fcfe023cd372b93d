"""kb: a GraphQL knowledge base of news — who said what, where, across outlets and scripts."""

__version__ = "0.1.0"
