"""The pactgraph exception tree. Messages give the cause and, where there is one, the fix.

PactgraphError
├── ConfigError          an unsafe or invalid setting (names the variable)
├── InputError           a corpus file or RDF file that cannot be read (names the file)
├── ExtractionError      the pipeline failed on a document
├── StoreError           the store is missing, locked, corrupt or unreachable
│   ├── StoreLockedError another build or writer holds the store
│   └── BackendUnavailable  the remote SPARQL store does not answer
├── ValidationFailed     SHACL violations; carries the readable report
└── QueryError           a query refused or failed
    ├── QuerySyntaxError     malformed SPARQL (with the parser's position)
    ├── QueryRefused         a query that policy forbids (SERVICE, LOAD, too long)
    └── QueryTimeout         the time limit was reached and the work stopped
"""


class PactgraphError(Exception):
    """Base of every error pactgraph raises on purpose."""


class ConfigError(PactgraphError):
    pass


class InputError(PactgraphError):
    pass


class ExtractionError(PactgraphError):
    pass


class StoreError(PactgraphError):
    pass


class StoreLockedError(StoreError):
    pass


class BackendUnavailable(StoreError):
    pass


class ValidationFailed(PactgraphError):
    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class QueryError(PactgraphError):
    pass


class QuerySyntaxError(QueryError):
    pass


class QueryRefused(QueryError):
    pass


class QueryTimeout(QueryError):
    pass
