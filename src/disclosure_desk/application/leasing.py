"""How often an open report renews its edit lease (a third of the time after which it counts as left behind)."""

from __future__ import annotations

from ..storage.leases import LEASE_TIMEOUT

HEARTBEAT_MS = LEASE_TIMEOUT * 1000 // 3
