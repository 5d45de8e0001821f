"""Talking to an external SPARQL 1.1 server: its URLs, credentials, and one request at a time.

Kept apart from push and remote queries because both need the same three things done safely:
URLs derived the same way for every server, credentials that only ever come from the
environment or a netrc file (and never reach a message), and a timeout on every request.
"""

from __future__ import annotations

import ast
import base64
import math
import netrc
import os
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from SPARQLWrapper import INSERT, JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from iskg.loaders.errors import IskgError

USER_VAR = "ISKG_ENDPOINT_USER"
PASSWORD_VAR = "ISKG_ENDPOINT_PASSWORD"
NETRC_VAR = "ISKG_NETRC"
DEFAULT_TIMEOUT = 120.0
_AGENT = "iskg (SPARQLWrapper)"


@dataclass(frozen=True)
class Credentials:
    """HTTP Basic credentials; the password never shows in repr or messages."""

    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"

    def secrets(self) -> tuple[str, ...]:
        """Every form in which the password could leak into a server's reply."""
        return (self.header().split(" ", 1)[1], f"{self.user}:{self.password}", self.password)


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers queries, updates and Graph Store Protocol requests."""

    query: str
    update: str
    stores: tuple[str, ...]  # Graph Store Protocol candidates, tried in order


def check_url(url: str) -> str:
    """An http(s) URL without credentials in it (they would end up in logs and shell history)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IskgError(f"endpoint must be an http:// or https:// URL, got '{safe_url(url)}'")
    if parts.username is not None or parts.password is not None:
        raise IskgError(f"credentials in the endpoint URL are not accepted; set {USER_VAR} and {PASSWORD_VAR}, "
                        f"or use a netrc file ({NETRC_VAR} or ~/.netrc)")
    return url


def safe_url(url: str) -> str:
    """The URL as shown in messages: no user info, query string or fragment."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def endpoints(url: str, *, update: str | None = None, store: str | None = None) -> Endpoints:
    """Derive a server's query, update and store URLs from one URL of it.

    Oxigraph `http://h:7878` (or `…/query`, `…/update`, `…/store`); Fuseki `http://h:3030/ds`
    (or `…/ds/query`, `…/ds/data`); GraphDB and RDF4J `http://h:7200/repositories/NAME`;
    Virtuoso and most others `http://h/sparql`. `update` and `store` override the guess.
    """
    check_url(url)
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    head, _, last = path.rpartition("/")
    if not path:  # Oxigraph at the root
        found = Endpoints(at("/query"), at("/update"), (at("/store"),))
    elif last in ("query", "update", "store", "data"):  # Oxigraph or Fuseki service URLs
        stores = (url,) if last in ("store", "data") else (at(f"{head}/store"), at(f"{head}/data"))
        found = Endpoints(url if last == "query" else at(f"{head}/query"),
                          url if last == "update" else at(f"{head}/update"), stores)
    elif head.endswith("/repositories"):  # GraphDB, RDF4J
        found = Endpoints(at(path), at(f"{path}/statements"), (at(f"{path}/rdf-graphs/service"),))
    elif last == "sparql":  # Virtuoso, Blazegraph, Stardog, Neptune, …
        found = Endpoints(url, url, (at(f"{head}/sparql-graph-crud"),))
    else:  # a Fuseki dataset URL answers every operation
        found = Endpoints(url, url, (url, at(f"{path}/data")))
    if update:
        found = Endpoints(found.query, check_url(update), found.stores)
    if store:
        found = Endpoints(found.query, found.update, (check_url(store),))
    return found


def credentials_for(url: str) -> Credentials | None:
    """Credentials from ISKG_ENDPOINT_USER/ISKG_ENDPOINT_PASSWORD, else from a netrc entry for the host."""
    user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
    if user or password:
        if not (user and password):
            raise IskgError(f"set both {USER_VAR} and {PASSWORD_VAR}, or neither")
        return Credentials(user, password)
    explicit = os.environ.get(NETRC_VAR)
    path = Path(explicit) if explicit else Path.home() / ".netrc"
    if not path.is_file():
        if explicit:
            raise IskgError(f"{path}: netrc file named by {NETRC_VAR} not found")
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urllib.parse.urlsplit(url).hostname or "")
    except netrc.NetrcParseError as e:  # its message may quote a token: say only where
        raise IskgError(f"{path}: cannot parse netrc file (line {e.lineno})") from None
    except OSError as e:
        raise IskgError(f"{path}: cannot read netrc file: {e.strerror}") from None
    if entry is None or not entry[0] or not entry[2]:
        return None
    return Credentials(entry[0], entry[2])


class HttpError(IskgError):
    """A request the server refused, with its status (None when it never answered)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper whose Authorization header is not passed on when a server redirects elsewhere."""

    authorization: str | None = None

    def _createRequest(self) -> urllib.request.Request:  # SPARQLWrapper's hook
        request = super()._createRequest()
        if self.authorization:
            request.add_unredirected_header("Authorization", self.authorization)
        return request

    def __str__(self) -> str:  # the base class prints every attribute, the header among them
        return f"<SPARQL request to {safe_url(self.endpoint)}>"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


def _insecure(url: str) -> bool:
    """Plain http to a host other than this machine."""
    scheme, host, _ = _origin(url)
    return scheme == "http" and host not in ("localhost", "127.0.0.1", "::1")


class Client:
    """SPARQL queries, updates (SPARQLWrapper) and Graph Store PUTs (urllib), each with a timeout."""

    def __init__(self, where: Endpoints, credentials: Credentials | None, timeout: float = DEFAULT_TIMEOUT):
        self.where = where
        self.credentials = credentials
        self.timeout = timeout
        if credentials and _insecure(where.query):
            print(f"iskg: warning: sending credentials over plain http to {safe_url(where.query)}; use https",
                  file=sys.stderr)

    def _authorization(self, url: str) -> str | None:
        """The Authorization header for `url`: only for the host the credentials were found for."""
        if self.credentials and _origin(url) == _origin(self.where.query):
            return self.credentials.header()
        return None

    def scrub(self, text: str) -> str:
        """The text with any form of the password blanked out (a server may echo what it got)."""
        if self.credentials:
            for secret in self.credentials.secrets():
                text = text.replace(secret, "***")
        return text

    def _wrapper(self, text: str, kind: str) -> SPARQLWrapper:
        sparql = _Wrapper(self.where.query, updateEndpoint=self.where.update, agent=_AGENT)
        # set, not guessed: setQuery's guess reads words in comments ("# … loaders …" makes a LOAD update)
        sparql.queryString, sparql.queryType = text, kind
        sparql.setMethod(POST)  # long queries (VALUES, INSERT DATA) do not fit a GET URL
        sparql.setOnlyConneg(True)  # the Accept header says JSON; no format=/output= extras for servers to trip on
        sparql.setTimeout(max(1, math.ceil(self.timeout)))  # SPARQLWrapper takes whole seconds; 0 means none
        # preemptive Basic: one round trip, and the body is sent once
        sparql.authorization = self._authorization(self.where.update if kind == INSERT else self.where.query)
        return sparql

    def select(self, text: str, default_graph: str | None = None) -> dict:
        """A SELECT query's SPARQL JSON results."""
        sparql = self._wrapper(text, SELECT)
        sparql.setReturnFormat(JSON)
        if default_graph:
            sparql.addParameter("default-graph-uri", default_graph)
        result = self._run(sparql, self.where.query, "query")
        if not isinstance(result, dict) or "results" not in result:
            raise HttpError(f"{safe_url(self.where.query)}: the answer is not SPARQL JSON results")
        return result

    def update(self, text: str) -> None:
        """One SPARQL Update request (all its operations in one request)."""
        self._run(self._wrapper(text, INSERT), self.where.update, "update")

    def _run(self, sparql: SPARQLWrapper, url: str, what: str) -> object:
        try:
            return sparql.queryAndConvert()
        except SPARQLWrapperException as e:
            status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
                      "EndPointInternalError": 500}.get(type(e).__name__)
            raise self._error(what, url, status, _response_of(e)) from None
        except urllib.error.HTTPError as e:
            raise self._error(what, url, e.code, _body(e)) from None
        except (urllib.error.URLError, OSError) as e:
            raise self._unreachable(what, url, e) from None
        except ValueError as e:  # an answer that does not parse as JSON
            raise HttpError(f"{what} at {safe_url(url)}: unreadable answer ({e})") from None

    def put(self, store_url: str, graph: str, body: bytes, media_type: str = "text/turtle") -> int:
        """Graph Store Protocol PUT: replace `graph` with `body`; the status on success."""
        return self._send("PUT", store_url, graph, body, media_type)

    def post(self, store_url: str, graph: str, body: bytes, media_type: str = "application/n-triples") -> int:
        """Graph Store Protocol POST: add `body` to `graph`; the status on success."""
        return self._send("POST", store_url, graph, body, media_type)

    def _send(self, method: str, store_url: str, graph: str, body: bytes, media_type: str) -> int:
        sep = "&" if urllib.parse.urlsplit(store_url).query else "?"
        request = urllib.request.Request(store_url + sep + urllib.parse.urlencode({"graph": graph}), data=body,
                                         method=method, headers={"Content-Type": f"{media_type}; charset=utf-8",
                                                                 "User-Agent": _AGENT})
        authorization = self._authorization(store_url)
        if authorization:
            request.add_unredirected_header("Authorization", authorization)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as e:
            raise self._error("upload", store_url, e.code, _body(e)) from None
        except (urllib.error.URLError, OSError) as e:
            raise self._unreachable("upload", store_url, e) from None

    def _error(self, what: str, url: str, status: int | None, body: str) -> HttpError:
        hint = ""
        if status in (401, 403):
            hint = f" (credentials come from {USER_VAR}/{PASSWORD_VAR} or a netrc file)"
        reason = " ".join(self.scrub(body).split())[:300]
        return HttpError(f"{what} at {safe_url(url)}: HTTP {status}{hint}" + (f": {reason}" if reason else ""),
                         status)

    def _unreachable(self, what: str, url: str, e: Exception) -> HttpError:
        reason = getattr(e, "reason", e)
        if isinstance(reason, socket.timeout | TimeoutError):
            return HttpError(f"{what} at {safe_url(url)}: no answer within {self.timeout:g} s")
        text = getattr(reason, "strerror", None) or str(reason)
        return HttpError(f"{what} at {safe_url(url)}: cannot reach the server ({self.scrub(text)})")


def _body(e: urllib.error.HTTPError) -> str:
    try:
        return e.read().decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""


def _response_of(e: SPARQLWrapperException) -> str:
    """The server's reply that SPARQLWrapper folded into its message (as a bytes repr), decoded."""
    _, sep, reply = str(e).partition("Response:\n")
    try:
        value = ast.literal_eval(reply.strip()) if sep else ""
    except (ValueError, SyntaxError):
        return reply
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
