"""Key rotation: re-encrypt every stored text under the current master key.

After setting a new DATA_KEY with the old one in DATA_KEY_PREVIOUS, `python -m bot
rotate-key` rewrites each encrypted column (any column named `*_enc`); the old key can then
be dropped from DATA_KEY_PREVIOUS.
"""

from __future__ import annotations

from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import Base


def encrypted_columns() -> list[tuple[Table, list[str]]]:
    """Every table with encrypted text, and those columns."""
    found = []
    for table in Base.metadata.sorted_tables:
        names = [c.name for c in table.columns if c.name.endswith("_enc")]
        if names:
            found.append((table, names))
    return found


async def reencrypt_all(sessions: async_sessionmaker, cipher: DataCipher) -> int:
    """Re-encrypt every stored text with the cipher's current key; how many values."""
    done = 0
    for table, names in encrypted_columns():
        async with sessions() as session, session.begin():
            rows = (await session.execute(
                select(table.c.id, *(table.c[n] for n in names)))).all()
            for row in rows:
                values = {n: cipher.reencrypt(getattr(row, n)) for n in names
                          if getattr(row, n) is not None}
                if values:
                    await session.execute(
                        update(table).where(table.c.id == row.id).values(**values))
                    done += len(values)
    return done
