"""News agencies, by the code a dispatch's dateline carries in brackets: `Hanoï (VNA) –`.

Only these codes make `(…)` after a place a dateline: capitals in brackets are far more
often an acronym of the sentence's subject (`Le Fonds monétaire international (FMI) prévoit`).
"""

from __future__ import annotations

# The Vietnam News Agency under its English, French and Vietnamese names, the Voice of Vietnam,
# the agencies of Vietnam's neighbours and main partners, and the world agencies whose copy the
# agency relays. Left out on purpose: codes that are also common French acronyms (AP is the
# Autorité palestinienne, PL a party or a bill).
AGENCY_CODES = (
    "VNA", "AVI", "TTXVN", "VOV",
    "KPL", "AKP", "Xinhua", "Kyodo", "Yonhap", "Bernama", "Antara", "PNA", "TASS", "Sputnik",
    "AFP", "Reuters", "dpa", "ANSA", "EFE", "Lusa",
)  # fmt: skip
# The codes as one alternative for a regular expression: `\((?:VNA|AVI|…)\)`.
AGENCY_PATTERN = "|".join(AGENCY_CODES)
