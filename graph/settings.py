"""Configuration, read once from the environment into a typed object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP

DEFAULT_NEO4J_VERSION = "5.26.30"


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot use."""


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from exc


def env_flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class MentorshipRules:
    max_open_requests: int = 5
    """PENDING requests a mentee may have at once."""
    request_ttl_days: int = 14
    """Days after which a PENDING request expires."""


@dataclass(frozen=True)
class SafetyLimits:
    report_hold_threshold: int = 3
    """Distinct reporters with open reports that hold a person out of matching."""
    connection_requests_per_day: int = 50


@dataclass(frozen=True)
class WatchSettings:
    threshold: float = 0.95
    """A pair's score must reach this to be announced: 0.5 over the 0.45 a newcomer's track
    record gives (docs/ranking.md, "Outcomes")."""
    fanout: int = 1000
    """At most this many mentees (or pairs) are re-scored per change."""
    per_mentee: int = 10
    """At most this many new matches per mentee per change."""
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP
    """The ranking's own cap, so a re-scored pair scores as the ranking scores it."""
    score_chunk: int = 100
    """Mentees re-scored per statement: a change near many mentees runs several short
    statements, each within its timeout, and what one recorded stays recorded."""

    def __post_init__(self) -> None:
        if min(self.fanout, self.per_mentee, self.score_chunk) < 1:
            raise SettingsError("the match fanout, matches per change and chunk must be positive")


_MAX_DOUBLINGS = 32
"""Growth stops here: a change retried for as long as it takes must not overflow a float."""


@dataclass(frozen=True)
class ChangeLogSettings:
    """How the change log is consumed (graph.events.consumer, docs/events.md)."""

    consumer: bool = True
    """Run a consumer in every API process; off where `mentorgraph worker`s consume."""
    batch: int = 16
    """Changes claimed, and applied concurrently, at once."""
    lease: float = 120.0
    """Seconds a claim lasts: then a dead consumer's changes are claimable again."""
    poll: float = 1.0
    """Seconds between looks at the log for changes other or dead processes left."""
    timeout: float = 10.0
    """Seconds for each statement of a change's first attempt."""
    timeout_growth: float = 2.0
    """Each further attempt has this many times the previous one's (at most half the lease)."""
    backoff: float = 0.5
    """Seconds before the first retry, doubling per attempt."""
    max_backoff: float = 30.0
    """The longest wait between two attempts."""
    max_attempts: int = 6
    """Attempts before a change that failed for another reason than time or an unavailable
    Neo4j is parked as dead (those are tried again for as long as it takes)."""
    dead_kept: int = 1000
    """Dead changes kept at most (the newest)."""
    dead_days: float = 7.0
    """Days a dead change is kept."""
    drain: float = 10.0
    """Seconds a consumer that shuts down gives its batch in hand; then it releases the rest."""

    def attempt_timeout(self, attempts: int) -> float:
        """Statement timeout for an attempt after `attempts` failed ones."""
        grown = self.timeout * self.timeout_growth ** min(attempts, _MAX_DOUBLINGS)
        return min(grown, max(self.timeout, self.lease / 2))

    def retry_delay(self, attempts: int) -> float:
        """Seconds to wait after the `attempts`-th failure."""
        return min(self.backoff * 2.0 ** min(attempts - 1, _MAX_DOUBLINGS), self.max_backoff)


def _change_log(query_timeout: float) -> ChangeLogSettings:
    consumer = os.environ.get("MENTORGRAPH_CHANGE_CONSUMER", "on").strip().lower()
    if consumer not in {"on", "off"}:
        raise SettingsError(f"MENTORGRAPH_CHANGE_CONSUMER must be on or off, got {consumer!r}")
    settings = ChangeLogSettings(
        consumer=consumer == "on",
        batch=env_int("MENTORGRAPH_CHANGE_BATCH", 16),
        lease=env_float("MENTORGRAPH_CHANGE_LEASE", 120.0),
        poll=env_float("MENTORGRAPH_CHANGE_POLL", 1.0),
        timeout=env_float("MENTORGRAPH_CHANGE_TIMEOUT", query_timeout),
        timeout_growth=env_float("MENTORGRAPH_CHANGE_TIMEOUT_GROWTH", 2.0),
        backoff=env_float("MENTORGRAPH_CHANGE_BACKOFF", 0.5),
        max_backoff=env_float("MENTORGRAPH_CHANGE_MAX_BACKOFF", 30.0),
        max_attempts=env_int("MENTORGRAPH_CHANGE_ATTEMPTS", 6),
        dead_kept=env_int("MENTORGRAPH_DEAD_CHANGES_KEPT", 1000),
        dead_days=env_float("MENTORGRAPH_DEAD_CHANGE_DAYS", 7.0),
        drain=env_float("MENTORGRAPH_CHANGE_DRAIN", 10.0),
    )
    durations = (settings.lease, settings.poll, settings.timeout, settings.drain,
                 settings.max_backoff)  # fmt: skip
    if settings.batch < 1 or settings.max_attempts < 1 or min(durations) <= 0:
        raise SettingsError("the MENTORGRAPH_CHANGE_* sizes and durations must be positive")
    return settings


@dataclass(frozen=True)
class LocalServerSettings:
    """How the project provisions its own Neo4j when `NEO4J_URI` is not set."""

    version: str
    home: Path
    port: int
    heap: str
    pagecache: str
    start_timeout: float
    min_replan_interval: str | None = None
    """Neo4j's `dbms.cypher.min_replan_interval` (its default when None): how long a plan is
    kept however much the graph's statistics shift."""

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str
    neo4j_database: str
    managed: bool
    """True when the project runs the server itself (no `NEO4J_URI` given)."""
    local: LocalServerSettings
    query_timeout: float
    connect_timeout: float
    """Seconds to open a connection to Neo4j (TCP and Bolt handshake); waiting for one
    from the pool, opening included, may take twice as long."""
    redis_url: str | None
    mentorship_rules: MentorshipRules
    safety: SafetyLimits
    watch: WatchSettings
    change_log: ChangeLogSettings = ChangeLogSettings()
    prepare_plans: bool = True
    step_scan_every: float = 60.0
    """Seconds between scans for guided steps falling due (graph.programmes.due_steps)."""
    """Compile the ranking's query plans when the API starts (graph.ranking.plans)."""

    @classmethod
    def from_env(cls) -> Settings:
        local = LocalServerSettings(
            version=os.environ.get("MENTORGRAPH_NEO4J_VERSION", DEFAULT_NEO4J_VERSION),
            home=Path(os.environ.get("MENTORGRAPH_NEO4J_HOME", ".neo4j/dev")).absolute(),
            port=env_int("MENTORGRAPH_NEO4J_PORT", 7687),
            heap=os.environ.get("MENTORGRAPH_NEO4J_HEAP", "2g"),
            pagecache=os.environ.get("MENTORGRAPH_NEO4J_PAGECACHE", "2g"),
            start_timeout=env_float("MENTORGRAPH_NEO4J_START_TIMEOUT", 180.0),
            min_replan_interval=os.environ.get("MENTORGRAPH_NEO4J_MIN_REPLAN_INTERVAL") or None,
        )
        uri = os.environ.get("NEO4J_URI") or None
        query_timeout = env_float("MENTORGRAPH_QUERY_TIMEOUT", 10.0)
        return cls(
            neo4j_uri=uri or local.uri,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
            neo4j_database=os.environ.get("NEO4J_DATABASE", "neo4j"),
            managed=uri is None,
            local=local,
            query_timeout=query_timeout,
            connect_timeout=env_float("MENTORGRAPH_NEO4J_CONNECT_TIMEOUT", 3.0),
            redis_url=os.environ.get("REDIS_URL") or None,
            mentorship_rules=MentorshipRules(
                max_open_requests=env_int("MENTORGRAPH_MAX_OPEN_REQUESTS", 5),
                request_ttl_days=env_int("MENTORGRAPH_REQUEST_TTL_DAYS", 14),
            ),
            safety=SafetyLimits(
                report_hold_threshold=env_int("MENTORGRAPH_REPORT_HOLD_THRESHOLD", 3),
                connection_requests_per_day=env_int("MENTORGRAPH_CONNECTION_REQUESTS_PER_DAY", 50),
            ),
            watch=WatchSettings(
                threshold=env_float("MENTORGRAPH_MATCH_THRESHOLD", 0.95),
                fanout=env_int("MENTORGRAPH_MATCH_FANOUT", 1000),
                per_mentee=env_int("MENTORGRAPH_MATCHES_PER_CHANGE", 10),
                score_chunk=env_int("MENTORGRAPH_MATCH_SCORE_CHUNK", 100),
            ),
            change_log=_change_log(query_timeout),
            prepare_plans=env_flag("MENTORGRAPH_PREPARE_PLANS", True),
            step_scan_every=env_float("MENTORGRAPH_STEP_SCAN_SECONDS", 60.0),
        )
